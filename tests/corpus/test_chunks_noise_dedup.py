"""Chunks are exact source spans; noise and duplicate documents never reach a chunk."""

from __future__ import annotations

from assistant.corpus.chunking import MAX_CHARS, TABLE_MAX_CHARS


def _all(f0, f1):
    return f0.chunks + f1.chunks


def test_every_chunk_is_the_exact_span_of_its_lines(f0, f1, source_lines):
    for chunk in _all(f0, f1):
        lines = source_lines[chunk.source_path.rsplit("/", 1)[-1]]
        assert "\n".join(lines[chunk.line_start - 1:chunk.line_end]) == chunk.text, chunk.chunk_id
        assert chunk.text.strip() and chunk.text == chunk.text.strip("\n")


def test_chunks_stay_inside_one_document(f0, f1):
    for result in (f0, f1):
        spans = {d.doc_id: (d.line_start, d.line_end) for d in result.documents}
        for chunk in result.chunks:
            start, end = spans[chunk.doc_id]
            assert start <= chunk.line_start <= chunk.line_end <= end


def test_chunk_sizes_mostly_in_target_range(f0, f1):
    sizes = [len(c.text) for c in _all(f0, f1)]
    in_range = sum(1 for s in sizes if 300 <= s <= MAX_CHARS)
    assert in_range / len(sizes) >= 0.8
    # Longer chunks are whole tables or one physical line that cannot be split without breaking the span rule.
    for chunk in _all(f0, f1):
        if len(chunk.text) > TABLE_MAX_CHARS:
            assert "\n" not in chunk.text.strip() or "\t" in chunk.text


def test_embed_text_is_title_section_then_verbatim_text(f1):
    chunk = next(c for c in f1.chunks if c.section.startswith("07. Resolutie"))
    assert chunk.embed_text == f"{chunk.doc_title} — {chunk.section}\n{chunk.text}"
    assert chunk.meeting == "ALV 26-06-2024" and chunk.meeting_date == "2024-06-26"
    assert chunk.doc_type == "notulen" and chunk.agenda_item == "3"


def test_chunk_ids_are_unique_and_stable(f0, corpus_settings):
    from tests.corpus.conftest import F0
    from assistant.corpus.pipeline import process_file

    again = process_file(F0, corpus_settings)
    assert [c.chunk_id for c in again.chunks] == [c.chunk_id for c in f0.chunks]
    assert len({c.chunk_id for c in f0.chunks}) == len(f0.chunks)


def test_lua_code_block_is_not_in_any_chunk(f0):
    assert not any(chunk.line_start <= 2820 <= chunk.line_end for chunk in f0.chunks)
    assert not any("```" in chunk.text or "local function" in chunk.text for chunk in f0.chunks)


def test_noise_is_stripped(f0, f1):
    texts = [c.text for c in _all(f0, f1)]
    assert not any("Postbus 30435" in t for t in texts)  # VNG address footer (the colophon address stays)
    assert not any("gemeente Aa en Hunze\tgemeente Harderwijk" in t for t in texts)  # attendance list F0
    assert not any("Aa en Hunze\tBorsele\tEindhoven" in t for t in texts)  # attendance list F1
    assert not any(t.startswith("A handwritten signature") for t in texts)  # English alt text
    assert sum("Het digitale fundament voor elke gemeente" in t for t in texts) <= 3  # running header (43×)
    kept_intro = [c for c in f0.chunks if "Aanwezig zijn het bestuur" in c.text]
    assert kept_intro, "the sentence introducing the attendance list stays"


def test_duplicates_are_recorded_and_have_no_chunks(f1):
    dropped = {d.line_start: d for d in f1.documents if d.duplicate_of}
    assert set(dropped) == {306, 6869}
    kept = {d.doc_id: d.line_start for d in f1.documents}
    assert kept[dropped[306].duplicate_of] == 3  # first Nazending copy kept
    assert kept[dropped[6869].duplicate_of] == 6740  # the amended verantwoording (with Zeist/Almere) kept
    for chunk in f1.chunks:
        assert not (306 <= chunk.line_start <= 373) and not (6869 <= chunk.line_start <= 6985)


def test_nazending_letter_and_late_motion_appear_once(f1):
    nazending = [c for c in f1.chunks if "Bijgaand ontvangt u de volgende nagekomen bijlagen" in c.text]
    assert len(nazending) == 1 and nazending[0].line_start < 70
    late = [c for c in f1.chunks if "Ontschotting onderwijs, ondersteuning & zorg" in c.text]
    assert late and all(c.line_start >= 6740 or c.line_end <= 70 for c in late)


def test_no_chunk_span_contains_a_noise_line(f0, f1, source_lines):
    from assistant.corpus.noise import find_noise
    from assistant.corpus.structure import split_package

    for result in (f0, f1):
        texts = source_lines[result.source_path.rsplit("/", 1)[-1]]
        noise = find_noise(texts, split_package(texts).documents)
        assert {"code_block", "footer", "attendance", "running_header"} & set(noise.values())
        for chunk in result.chunks:
            inside = [i + 1 for i in range(chunk.line_start - 1, chunk.line_end) if i in noise]
            assert not inside, (chunk.chunk_id, inside[:3])


def test_known_source_errors_are_corrected_in_labels_not_in_text(f1):
    chunk = next(c for c in f1.chunks if c.line_start <= 6798 <= c.line_end)  # the mislabelled heading
    assert "Najaars ALV 1 december 2023" in chunk.section
    assert "Najaars ALV 1 december 2024" not in chunk.embed_text.split("\n", 1)[0]
    assert "Aangenomen moties in Najaars ALV 1 december 2024" in chunk.text  # the text stays verbatim


def test_plain_file_without_vng_structure_is_one_document(tmp_path):
    """A user's own note has no letterhead or NOTULEN heading; it must still be indexed, not silently dropped."""
    from assistant.config import Settings
    from assistant.corpus.pipeline import process_file

    note = tmp_path / "notitie.txt"
    lines = ["Notitie over de motieprocedure", "", "De griffie bespreekt elke motie eerst in het presidium.",
             "Daarna tekent de burgemeester."]
    note.write_text("\n".join(lines), encoding="utf-8")
    result = process_file(note, Settings(repo_root=tmp_path, corpus_dir=tmp_path))
    assert [d.title for d in result.documents] == ["Notitie over de motieprocedure"]
    assert result.chunks, "a plain file must produce chunks"
    assert result.chunks[0].line_start == 1 and result.chunks[-1].line_end == 4
    assert "presidium" in " ".join(c.text for c in result.chunks)
