"""Clause text to paragraphs and bullets, as the Word writer lays it out."""

from __future__ import annotations

from aanbesteding.assemble.blocks import Bullets, Para, text_blocks


def test_blank_lines_separate_paragraphs_and_lines_are_joined() -> None:
    assert text_blocks("Regel een\nregel twee.\n\nTweede alinea.") == [
        Para("Regel een regel twee."),
        Para("Tweede alinea."),
    ]


def test_dashes_start_bullets_and_indented_lines_continue_them() -> None:
    text = "De lijst bevat:\n- de naam van de\n  Subverwerker;\n- het land.\nSlotzin."
    assert text_blocks(text) == [
        Para("De lijst bevat:"),
        Bullets(("de naam van de Subverwerker;", "het land.")),
        Para("Slotzin."),
    ]


def test_an_unindented_capitalised_line_after_a_bullet_is_prose() -> None:
    assert text_blocks("- punt\nDaarna volgt tekst.") == [Bullets(("punt",)), Para("Daarna volgt tekst.")]
