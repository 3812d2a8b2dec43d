"""Quote shapes from wire and sports copy: "quoted X as saying", speaker labels with a colon,
chants, and short quoted labels that are not speech."""

from __future__ import annotations

import pytest

from model.corpus import process_file


def quotes(tmp_path, body: str, title: str = "A headline") -> list[tuple[str, str | None]]:
    path = tmp_path / "a.txt"
    path.write_text(f"{title}\n\nMarch 3, 2022\n\n{body}\n", encoding="utf-8")
    doc = process_file(path).documents[0]
    return [(q.text, q.speaker_text) for q in doc.quotes]


@pytest.mark.parametrize("body, speaker", [
    ('"The roads are closed," the Anadolu news agency quoted Mr Kaya as saying.', "Mr Kaya"),
    ('The state broadcaster cited the Health Ministry as saying: "Ten people died."', "the Health Ministry"),
    ('Leeds manager Tom Riley: "We were second best all afternoon."', "Tom Riley"),
    ('"Out, out, out," protesters chanted outside the palace.', "protesters"),
])
def test_speaker(tmp_path, body, speaker):
    found = quotes(tmp_path, body)
    assert [s for _, s in found] == [speaker]


def test_scare_quotes_are_not_speech(tmp_path):
    found = quotes(tmp_path, 'The law targets the so-called "gig economy" firms.\n\n"We will appeal," she said.',
                   title="Minister's 'reckless' tax plan will cost jobs, says union")
    assert found == [("We will appeal", "she")]


@pytest.mark.parametrize("body, speaker", [
    ('"We deserved it," said Ana Ruiz in a post-match press conference.', "Ana Ruiz"),
    ('"Costs will rise," said Tom Baird of Halden Partners.', "Tom Baird of Halden Partners"),
    ('"We are ready," said a spokesman for the ministry.', "a spokesman for the ministry"),
])
def test_speaker_words_end_with_the_name(tmp_path, body, speaker):
    assert [s for _, s in quotes(tmp_path, body)] == [speaker]
