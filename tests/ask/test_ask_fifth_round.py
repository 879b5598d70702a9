"""Fifth round of issue 3: general fixes found with the tuning batches (bench/eval/README.md), on the real index."""

from __future__ import annotations


def test_a_timetable_under_a_heading_of_another_year_does_not_date_the_asked_meeting(ask_engine):
    # "Tijdpad voorbereiding ALV 26 juni 2024" lists "26 juni (woensdag): ALV." and the chunk mentions "VNG Congres
    # 2025" elsewhere: neither dates the ALV of June 2025
    refused = ask_engine.ask("Op welke datum is de ALV in juni 2025?")
    assert not refused.found, refused.answer
    answered = ask_engine.ask("Op welke datum is de ALV in juni 2024?")
    assert answered.found and "26 juni" in answered.answer, answered.answer
