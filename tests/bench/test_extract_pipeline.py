"""The extraction benchmark's own measures: word recall and the targets it checks."""

from __future__ import annotations

import shutil

import pytest

from bench.extract_pipeline import draw_page, recall, targets, words


def test_word_recall_counts_each_known_word_as_often_as_it_occurs():
    assert recall("the network met the partners", "The network met partners") == (4, 5)
    assert recall("Réunion du réseau", "réunion du RÉSEAU") == (3, 3)
    assert words("l’année, l'année") == {"l": 2, "année": 2}


def test_targets_compare_each_path_with_pdftotext():
    reference = {
        "seconds": 10.0,
        "pages": 100,
        "files_with_text": 8,
        "nonspace_characters": 1000,
        "failures": 2,
    }
    faster = {**reference, "seconds": 5.0, "nonspace_characters": 995}
    report = {
        "pdftotext": reference,
        "worker": faster,
        "extract_text": {**reference, "seconds": 20.0, "failures": 3},
        "ocr": {"word_recall": 0.94},
    }
    met = dict(targets(report))
    assert met["worker end to end: pages/s >= pdftotext"] is True
    assert met["worker: characters >= 0.99x pdftotext"] is True
    assert met["extract_text, one call: wall time <= pdftotext"] is False
    assert met["extract_text: failures <= pdftotext"] is False
    assert met["OCR word recall >= 0.95"] is False


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="make test installs Tesseract")
def test_a_drawn_page_is_a_scan_the_readers_recognise(tmp_path):
    from bench.extract_pipeline import ENGLISH
    from library.extraction import extract_file

    path = tmp_path / "page.pdf"
    path.write_bytes(draw_page(ENGLISH[0], 300, noisy=True, seed=1))
    ocr = {"languages": "eng", "max_pages": 1, "seconds": 60}
    result = extract_file(path, ocr=ocr)
    found, total = recall(ENGLISH[0], "\n".join(result.pages))
    assert result.engine.endswith("+tesseract") and found / total > 0.8
