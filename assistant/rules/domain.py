"""Domain facts the assistant, the app and the checker compute: vote weight, who signs, what is amendable.

Each function returns a value plus the passages it rests on. Which rules apply when (issue 4): the signature
rules (written down in 2024) apply to every meeting; the voting article, addresses and amendable items are per
meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.errors import InputError
from assistant.rules.meetings import AgendaItem, Meeting, NonAmendablePart, get_meeting, normalise_item_number
from assistant.rules.sources import SourceRef, f0, f1

# ------------------------------------------------------------------------------------------------ vote weight

# Statute versions quoted in the corpus. The 2019 text (art. 10) is quoted for the BALV of 29-11-2019; the 2024
# text (art. 11) for the ALV of 26-06-2024. When art. 11 replaced art. 10 is not in the documents. Choice
# (documented in the result): meetings before 2020-01-01 use the 2019 text (the version quoted for the last 2019
# meeting); from 2020-01-01, and when no date is given, the 2024 text (the latest known version) applies.
STATUTE_2024_FROM = dt.date(2020, 1, 1)


@dataclass(frozen=True)
class _VoteArticle:
    version: str
    article: str  # for a gemeente
    gewest_article: str | None
    population_basis: str  # Dutch
    sources: tuple[SourceRef, ...]


_ART_10_2019 = _VoteArticle(
    version="2019",
    article="Statuten art. 10 lid 2 (versie 2019)",
    gewest_article="Statuten art. 10 lid 3 (versie 2019)",
    population_basis=(
        "het aantal inwoners op 1 januari van het voorafgaande jaar volgens de door het CBS openbaar gemaakte "
        "bevolkingscijfers (art. 10 lid 4)"
    ),
    sources=(f0(156, 161, "Statuten art. 10 Stemmen (2019)"),),
)
_ART_11_2024 = _VoteArticle(
    version="2024",
    article="Statuten art. 11 lid 3 (versie 2024)",
    gewest_article=None,
    population_basis=(
        "het aantal inwoners volgens de door het CBS openbaar gemaakte bevolkingscijfers per 1 januari "
        "(art. 11 lid 4; het jaar staat er niet bij)"
    ),
    sources=(f1(282, 288, "Statuten art. 11 Stemmingen algemene vergadering (2024)"),),
)
_DIVISOR = {"gemeente": 1000, "gewest": 10000}
MIN_VOTES, MAX_VOTES = 1, 75


@dataclass(frozen=True)
class VoteWeightResult:
    votes: int
    population: int
    member_kind: str  # "gemeente" | "gewest"
    article: str  # e.g. "Statuten art. 11 lid 3 (versie 2024)"
    statute_version: str  # "2019" | "2024"
    divisor: int
    population_basis: str
    explanation: str  # Dutch
    version_note: str  # Dutch: why this statute version
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict:
        return {
            "votes": self.votes,
            "population": self.population,
            "member_kind": self.member_kind,
            "article": self.article,
            "statute_version": self.statute_version,
            "explanation": self.explanation,
            "population_basis": self.population_basis,
            "version_note": self.version_note,
            "sources": [s.to_dict() for s in self.sources],
        }


def _thousands(number: int) -> str:
    """Dutch thousands separator: 24500 -> "24.500"."""
    return f"{number:,}".replace(",", ".")


def _vote_article(meeting_date: dt.date | None) -> tuple[_VoteArticle, str]:
    if meeting_date is None:
        return _ART_11_2024, "Geen vergaderdatum opgegeven: de meest recente bekende statuten (2024, art. 11) gelden."
    if meeting_date < STATUTE_2024_FROM:
        return _ART_10_2019, (f"Voor een vergadering op {meeting_date:%d-%m-%Y} gelden de statuten zoals geciteerd "
                              "voor de BALV van 29-11-2019 (art. 10).")
    note = f"Voor een vergadering op {meeting_date:%d-%m-%Y} gelden de statuten zoals geciteerd voor de ALV van 26-06-2024 (art. 11)"
    if meeting_date < dt.date(2024, 6, 26):
        note += "; wanneer art. 11 art. 10 verving staat niet in de stukken (aanname: vanaf 2020)"
    return _ART_11_2024, note + "."


def vote_weight(population: int, meeting_date: dt.date | None = None, *, member_kind: str = "gemeente") -> VoteWeightResult:
    """Votes of a member: one per full 1,000 inhabitants (gewest, 2019 only: 10,000), at least 1, at most 75."""
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise InputError(f"Ongeldig inwonertal: {population!r}.", hint="Geef een geheel getal van 0 of meer.")
    if member_kind not in _DIVISOR:
        raise InputError(f"Onbekend soort lid: {member_kind!r}.", hint="Kies 'gemeente' of 'gewest'.")
    if isinstance(meeting_date, dt.datetime):
        meeting_date = meeting_date.date()
    article, version_note = _vote_article(meeting_date)
    if member_kind == "gewest" and article.gewest_article is None:
        raise InputError(
            "Gewesten hebben onder de statuten van 2024 (art. 11) geen eigen stemgewicht meer.",
            hint="De stemregeling voor gewesten (1 stem per 10.000 inwoners) staat alleen in art. 10 lid 3 (2019).",
        )
    divisor = _DIVISOR[member_kind]
    votes = min(MAX_VOTES, max(MIN_VOTES, population // divisor))
    article_name = article.gewest_article if member_kind == "gewest" else article.article
    explanation = (
        f"Een {member_kind} met {_thousands(population)} inwoners heeft {votes} "
        f"{'stem' if votes == 1 else 'stemmen'}: één stem per volle {_thousands(divisor)} inwoners, minimaal "
        f"{MIN_VOTES} en maximaal {MAX_VOTES} ({article_name})."
    )
    return VoteWeightResult(
        votes=votes, population=population, member_kind=member_kind, article=article_name,
        statute_version=article.version, divisor=divisor, population_basis=article.population_basis,
        explanation=explanation, version_note=version_note, sources=article.sources,
    )


# ------------------------------------------------------------------------------------------------ who signs

DEFAULT_ADDRESS = "motiealv@vng.nl"  # the 2024 address; per meeting from the registry when known

_ROLE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("loco-burgemeester", re.compile(r"\bloco[\s-]?burgemeester\b|\blocoburgemeester\b")),
    ("waarnemend burgemeester", re.compile(
        r"\b(waarnemend|wnd\.?|wnd|plv\.?|plaatsvervangend)\s*burgemeester\b|\bburgemeester\s+(a\.?i\.?|ad interim)")),
    ("burgemeester", re.compile(r"\bburgemeester\b")),
    ("wethouder", re.compile(r"\bwethouder\b")),
    ("gemeentesecretaris", re.compile(r"\b(gemeente)?secretaris\b|\balgemeen directeur\b")),
    ("griffier", re.compile(r"\bgriffier\b")),
    ("raadslid", re.compile(r"\braadslid\b|\braadsleden\b|\blid van de (gemeente)?raad\b|\bfractievoorzitter\b")),
)
BURGEMEESTER_ROLES = frozenset({"burgemeester", "waarnemend burgemeester", "loco-burgemeester"})
COLLEGE_ROLES = BURGEMEESTER_ROLES | {"wethouder", "gemeentesecretaris"}


def classify_function(function: str) -> str:
    """Canonical role of a signatory's function text ("" when unknown).

    "wnd. burgemeester", "burgemeester a.i." -> "waarnemend burgemeester"; "locoburgemeester" ->
    "loco-burgemeester"; "secretaris"/"algemeen directeur" -> "gemeentesecretaris".
    """
    text = " ".join(str(function or "").lower().split())
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            return role
    return ""


def counts_as_burgemeester(function: str) -> bool:
    """A burgemeester, a waarnemend burgemeester or a loco-burgemeester (Gemeentewet art. 77)."""
    return classify_function(function) in BURGEMEESTER_ROLES


@dataclass(frozen=True)
class SigningRules:
    lead_requires_burgemeester: bool
    accepted_lead_combinations: tuple[str, ...]  # Dutch
    burgemeester_equivalents: tuple[str, ...]
    raadsleden_may_cosign: bool
    cosigner_rule: str  # Dutch
    supporter_rule: str  # Dutch
    definitive_only_when_signed: bool
    addresses: tuple[str, ...]
    address_known: bool  # False: no registry entry, the 2024 address is given as the default
    summary: str  # Dutch
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict:
        return {
            "lead_requires_burgemeester": self.lead_requires_burgemeester,
            "accepted_lead_combinations": list(self.accepted_lead_combinations),
            "burgemeester_equivalents": list(self.burgemeester_equivalents),
            "raadsleden_may_cosign": self.raadsleden_may_cosign,
            "cosigner_rule": self.cosigner_rule,
            "supporter_rule": self.supporter_rule,
            "definitive_only_when_signed": self.definitive_only_when_signed,
            "addresses": list(self.addresses),
            "address_known": self.address_known,
            "summary": self.summary,
            "sources": [s.to_dict() for s in self.sources],
        }


COSIGNER_SOURCE = f1(464, note="mede-indieners: handtekening namens hun college, wie is niet van belang")
SUPPORTER_SOURCE = f1(468, note="ondersteunende gemeenten: geen handtekeningen")
SIGNING_SOURCES: tuple[SourceRef, ...] = (
    f1(450, note="college bevoegd (Gemeentewet art. 160); raadsleden mogen medeondertekenen"),
    f1(454, 460, note="ondertekening namens het college"),
    COSIGNER_SOURCE,
    SUPPORTER_SOURCE,
    f1(484, note="pas definitief als ondertekend"),
    f1(392, note="amendementen: dezelfde voorwaarden"),
    f1(549, 552, note="sjabloon: ondertekening"),
)


def signing_rules(meeting_date: dt.date | None = None, *, settings=None) -> SigningRules:
    """Who must sign a motie or amendement (the 2024 rules, applied to every meeting) and where to send it."""
    meeting = get_meeting(meeting_date, settings) if meeting_date else None
    if meeting is not None and meeting.addresses:
        addresses, known = meeting.addresses, True
        address_sources = meeting.address_sources
    else:
        addresses, known, address_sources = (DEFAULT_ADDRESS,), False, (f1(262),)
    combinations = (
        "de burgemeester namens het college",
        "de burgemeester samen met de (inhoudelijk) betrokken wethouder namens het college",
        "de burgemeester samen met de gemeentesecretaris namens het college",
    )
    cosigner = ("Elke mede-indienende gemeente ondertekent namens haar college; wie namens dat college tekent, "
                "is niet van belang.")
    supporter = ("Ondersteunende gemeenten worden alleen bij naam genoemd (onderaan de motie of in een bijlage); "
                 "zij hoeven niet te ondertekenen.")
    address_text = ", ".join(addresses)
    if not known:
        address_text += " (adres van de ALV van 26 juni 2024; controleer de uitnodiging voor deze vergadering)"
    summary = (
        "Een motie of amendement wordt namens het college ingediend (Gemeentewet art. 160) en ondertekend door "
        "de burgemeester van de indienende gemeente: alleen, samen met de betrokken wethouder of samen met de "
        "gemeentesecretaris. Een waarnemend burgemeester of loco-burgemeester (Gemeentewet art. 77) telt als "
        "burgemeester. Raadsleden mogen medeondertekenen. " + cosigner + " " + supporter + " Een motie is pas "
        "definitief als zij is ondertekend; de VNG publiceert alleen ondertekende moties. Indienen via: "
        + address_text + "."
    )
    return SigningRules(
        lead_requires_burgemeester=True,
        accepted_lead_combinations=combinations,
        burgemeester_equivalents=("waarnemend burgemeester", "loco-burgemeester"),
        raadsleden_may_cosign=True,
        cosigner_rule=cosigner,
        supporter_rule=supporter,
        definitive_only_when_signed=True,
        addresses=tuple(addresses),
        address_known=known,
        summary=summary,
        sources=(*SIGNING_SOURCES, *address_sources),
    )


# ------------------------------------------------------------------------------------------- amendable items

GENERIC_AMENDMENT_SOURCES: tuple[SourceRef, ...] = (
    f1(388, note="alleen voorstellen ter besluitvorming"),
    f0(144, note="amendementen op aanhangige voorstellen"),
    f0(95, note="niet: overeenkomsten met derden en vacatures"),
    f1(36, note="resolutie: alleen de tekst, niet de toelichting"),
)


@dataclass(frozen=True)
class AmendabilityVerdict:
    """Whether an amendment's target can be amended. ``amendable is None``: unknown (no registry entry/match)."""

    known: bool  # the meeting is in the registry
    amendable: bool | None
    item: AgendaItem | None
    part: NonAmendablePart | None
    reason: str  # Dutch
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class AmendableItems:
    meeting_date: dt.date | None
    known: bool
    meeting_label: str | None
    amendable: tuple[AgendaItem, ...]
    not_amendable: tuple[AgendaItem, ...]
    summary: str  # Dutch
    sources: tuple[SourceRef, ...]
    meeting: Meeting | None = field(default=None, repr=False)

    def to_dict(self, *, with_text: bool = False) -> dict:
        return {
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "known": self.known,
            "meeting": self.meeting_label,
            "amendable": [item.to_dict(with_text=with_text) for item in self.amendable],
            "not_amendable": [item.to_dict(with_text=with_text) for item in self.not_amendable],
            "summary": self.summary,
            "sources": [s.to_dict() for s in self.sources],
        }

    def find_item(self, agenda_item: str = "", target: str = "") -> AgendaItem | None:
        """The agenda item by number ("5b"), else by the longest alias or title found in ``target``."""
        if self.meeting is None:
            return None
        number = normalise_item_number(agenda_item) if agenda_item else ""
        if not number and target:
            mention = re.search(r"agendapunt\s*(\d{1,2}\s*[.]?\s*[a-h]?)\b", target, re.IGNORECASE)
            number = normalise_item_number(mention.group(1)) if mention else ""
        by_name = self._item_named_in(f"{agenda_item} {target}")
        if number:
            item = self.meeting.item(number)
            # "Agendapunt 5: Resolutie asielketen": the name points to sub-item 5b of the number written
            if by_name is not None and by_name.number != number and by_name.number.startswith(number) \
                    and not by_name.number[len(number):].isdigit():
                return by_name
            if item is not None:
                return item
        return by_name

    def _item_named_in(self, text: str) -> AgendaItem | None:
        """The item whose longest alias or title occurs in ``text``."""
        text = " ".join(text.lower().split())
        best, best_len = None, 0
        for item in self.meeting.items:
            for alias in (*item.aliases, item.title.lower()):
                if alias and len(alias) > best_len and re.search(r"\b" + re.escape(alias) + r"\b", text):
                    best, best_len = item, len(alias)
        return best

    def classify(self, agenda_item: str = "", target: str = "") -> AmendabilityVerdict:
        """Can an amendment on ``agenda_item`` / ``target`` (the proposal as named in the amendment) be filed?"""
        if not self.known:
            return AmendabilityVerdict(False, None, None, None, self.summary, self.sources)
        item = self.find_item(agenda_item, target)
        if item is None:
            return AmendabilityVerdict(
                True, None, None, None,
                f"Het voorstel dat het amendement wijzigt, is niet herkend op de agenda van de {self.meeting_label}.",
                self.sources,
            )
        text = f"{agenda_item} {target}".lower()
        for part in item.non_amendable_parts:
            if any(re.search(r"\b" + re.escape(alias) + r"\b", text) for alias in (part.part.lower(), *part.aliases)):
                return AmendabilityVerdict(True, False, item, part, part.reason, part.sources)
        if not item.amendable:
            return AmendabilityVerdict(True, False, item, None, item.reason, item.sources)
        return AmendabilityVerdict(
            True, True, item, None,
            f"Agendapunt {item.number} ({item.title}) ligt ter besluitvorming voor en is amendabel.",
            (*item.sources, *item.proposals),
        )


def amendable_items(meeting_date: dt.date | None, *, settings=None) -> AmendableItems:
    """Items ter besluitvorming (with their proposal text) and the non-amendable ones with the reason.

    For a meeting the registry does not know, ``known`` is False: the checker reports AMENDABILITY_UNKNOWN (info).
    """
    if isinstance(meeting_date, dt.datetime):
        meeting_date = meeting_date.date()
    meeting = get_meeting(meeting_date, settings) if meeting_date else None
    if meeting is None:
        summary = (
            "Deze vergadering staat niet in het vergaderregister, dus is niet bekend welke voorstellen amendabel "
            "zijn. Algemene regel: alleen voorstellen ter besluitvorming zijn amendabel; niet amendabel zijn "
            "stukken ter kennisname of ter informatie, overeenkomsten van de VNG met andere partijen, vacatures "
            "(eigen statutaire procedure) en de toelichting bij een resolutie."
        )
        return AmendableItems(meeting_date, False, None, (), (), summary, GENERIC_AMENDMENT_SOURCES)
    amendable = tuple(item for item in meeting.items if item.amendable)
    not_amendable = tuple(item for item in meeting.items if not item.amendable)
    summary = (
        f"{meeting.label}: amendabel zijn de agendapunten "
        + ", ".join(f"{i.number} ({i.title})" for i in amendable)
        + ". Niet amendabel: " + "; ".join(f"{i.number} ({i.reason})" for i in not_amendable if i.status != "geen voorstel")
        + "."
    )
    parts = [f"{p.part} bij agendapunt {i.number}" for i in amendable for p in i.non_amendable_parts]
    if parts:
        summary += " Ook niet amendabel: " + ", ".join(parts) + "."
    sources = tuple(s for item in meeting.items for s in item.sources if item.status != "geen voorstel")
    return AmendableItems(meeting_date, True, meeting.label, amendable, not_amendable, summary,
                          (*GENERIC_AMENDMENT_SOURCES[:1], *sources), meeting)
