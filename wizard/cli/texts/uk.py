"""Слова командного рядка українською (`wizard.cli.texts`)."""

# ruff: noqa: E501  (messages read better unbroken)

from __future__ import annotations

from schemas.texts import Message, Plural

MESSAGES: dict[str, Message] = {
    # -- підсумки (validate, export) ------------------------------------------------------
    "count.error": Plural(one="{n} помилка", few="{n} помилки", many="{n} помилок"),
    "count.missing": Plural(
        one="{n} пункт не визначено", few="{n} пункти не визначено", many="{n} пунктів не визначено"
    ),
    "count.warning": Plural(one="{n} попередження", few="{n} попередження", many="{n} попереджень"),
    "valid": "без помилок",
    "valid_with": "без помилок, {counts}",
    "draft_with": "чернетка, {counts}",
    # -- export ---------------------------------------------------------------------------
    "not_exported": "не експортовано: {counts}",
    "exported": "експортовано в {target}",
    "exported_draft": Plural(
        one="експортовано чернетку ({n} частина ще не визначена) в {target}",
        few="експортовано чернетку ({n} частини ще не визначені) в {target}",
        many="експортовано чернетку ({n} частин ще не визначено) в {target}",
    ),
    "standard_output": "стандартний вивід",
    "needs_name": "після -o потрібна назва файлу ('-' — стандартний вивід)",
    "cannot_write": "не вдається записати: {reason}",
    "not_a_folder": "не вдається записати: це не тека (назва із / у кінці — тека)",
    "no_such_folder": "не вдається записати: такої теки немає (назва із / у кінці — тека)",
    "is_policy": "саму політику не буде перезаписано",
    "force_hint": "(--force замінює його)",
    "sheet_too_long": Plural(
        one="пам’ятка модератора не вміщується на одну сторінку A4 (вийшла {pages} сторінка): скоротіть шаблони відповідей чи списки",
        few="пам’ятка модератора не вміщується на одну сторінку A4 (вийшло {pages} сторінки): скоротіть шаблони відповідей чи списки",
        many="пам’ятка модератора не вміщується на одну сторінку A4 (вийшло {pages} сторінок): скоротіть шаблони відповідей чи списки",
        by="pages",
    ),
    # -- diff -----------------------------------------------------------------------------
    "no_differences": "{old} і {new}: відмінностей немає",
    "access_hidden": "{old} і {new}: значення access приховано (--include-access їх показує)",
    "access_hidden_md": "*Значення `access` приховано (`--include-access` їх показує).*",
    # -- plan -----------------------------------------------------------------------------
    "plan.bad_month": "--month: це не місяць (YYYY-MM): {value}",
    "plan.bad_weeks": "--weeks: від 1 до {max}, а не {value}",
    "plan.month_and_from": "--month задає цілий місяць: разом із --from його не вказують",
    "plan.excel_csv": "--excel — лише для CSV (--to csv або -o ФАЙЛ.csv)",
    "plan.no_plan": "плану немає: {counts}",
    "plan.reason.no_cadence": "не вказано частоту",
    "plan.reason.bad_cadence": "частоту вказано з помилкою",
    "plan.reason.no_platforms": "не вибрано майданчиків",
    "plan.reason.not_active": "жоден із майданчиків ще не діє",
    "plan.not_scheduled": "не заплановано: {rubric} ({reason})",
    "plan.slots": Plural(one="{n} публікація", few="{n} публікації", many="{n} публікацій"),
    "plan.zone_local": "{zone}, місцевий часовий пояс",
    "plan.planned": "заплановано {slots}, {period} ({zone}), записано в {target}",
    "plan.planned_draft": Plural(
        one="заплановано чернетку (не визначено {n} частину): {slots}, {period} ({zone}), записано в {target}",
        few="заплановано чернетку (не визначено {n} частини): {slots}, {period} ({zone}), записано в {target}",
        many="заплановано чернетку (не визначено {n} частин): {slots}, {period} ({zone}), записано в {target}",
    ),
    # -- merge, diff --textconv -----------------------------------------------------------
    "merge.side.base": "спільну версію (BASE)",
    "merge.side.ours": "нашу версію (OURS)",
    "merge.side.theirs": "їхню версію (THEIRS)",
    "merge.unreadable": "не вдається прочитати {side}: {reason}",
    "merge.removed": "(вилучено)",
    "merge.none": "(немає)",
    "merge.in_order": "порядок {value}",
    "merge.the_file": "(увесь файл)",
    "merge.key_order": "{key} (порядок)",
    "merge.sides": "наше {ours} / їхнє {theirs}",
    "merge.conflicts": Plural(
        one="{n} конфлікт; виправте рядки між <<<<<<< ours і >>>>>>> theirs",
        few="{n} конфлікти; виправте рядки між <<<<<<< ours і >>>>>>> theirs",
        many="{n} конфліктів; виправте рядки між <<<<<<< ours і >>>>>>> theirs",
    ),
    "merge.new_errors": Plural(
        one="об’єднано, але в результаті {n} помилка, якої не було в жодній версії",
        few="об’єднано, але в результаті {n} помилки, яких не було в жодній версії",
        many="об’єднано, але в результаті {n} помилок, яких не було в жодній версії",
    ),
    "merge.merged": "об’єднано",
    "textconv.as_text": "{reason}; показано як текст",
    "textconv.one_file": "--textconv приймає один FILE, а не OLD NEW",
    "diff.old_new": "потрібні OLD і NEW",
    # -- програма -------------------------------------------------------------------------
    "interrupted": "перервано",
    "no_wizard": "майстра в цьому встановленні немає",
    "cannot_write_output": "не вдається записати вивід: {reason}",
    "internal_error": "внутрішня помилка: {detail}",
    "debug_hint": "(PRESENCE_DEBUG=1 покаже, де саме)",
}
"""Підсумки, зауваги export, schema і diff, власні помилки програми."""
