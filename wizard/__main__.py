"""`python -m wizard`: the same as the `presence` command."""

from wizard.cli import main

raise SystemExit(main())
