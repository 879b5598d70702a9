"""The drafting editor's backend: a draft session the app (or a script) updates part by part and re-validates.

A ``DraftSession`` holds one motion or amendment (the pydantic model), the ALV it is for, and optionally the draft
store it autosaves to. The UI is a thin layer over it::

    session = DraftSession.new("motie", alv_date=date(2024, 6, 26), gemeente="Utrecht", store=store)
    session.update("titel", "Betaalbare jeugdzorg")          # autosaved as a new version
    report = session.validate()                               # findings per part, deadline, placeholders
                                                              # (report types: ``assistant.draft_checks``)
    report.by_part["titel"], report.deadline.label, report.complete
    session.render("docx")                                    # bytes

What each part needs comes from the sjabloon (``assistant.motions.template``); the findings come from the rule
engine (``assistant.rules.check``); deadlines from ``assistant.rules.calendar``; gemeente names are checked with
``assistant.rules.municipalities``; "lijkt op" uses the index's motion records and the hybrid search. Nothing here
re-implements those: this module wires them to the parts of a draft.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from assistant.draft_checks import (  # noqa: F401 - re-exported: the editor's report types live there
    GENERAL_PART,
    RULE_PARTS,
    SIGNATURE_RULES,
    DeadlineInfo,
    GemeenteCheck,
    PartReport,
    PlaceholderHit,
    Validation,
    check_gemeenten,
    deadline_info,
    find_placeholders,
)
from assistant.drafts_store import DEFAULT_USER, DraftStore, item_from_export
from assistant.errors import InputError
from assistant.motions import template
from assistant.motions.model import (
    SLOTZIN,
    Amendment,
    AmendmentChange,
    ContactPerson,
    Motion,
    Oproep,
    Signatory,
    submission_to_dict,
)

Item = Motion | Amendment
KINDS = ("motie", "amendement")
FORMATS = ("docx", "md", "txt", "eml", "mailto", "steunlijst-csv", "steunlijst-md")

SIGNATORY_FUNCTIONS = (
    "burgemeester",
    "waarnemend burgemeester",
    "loco-burgemeester",
    "wethouder",
    "gemeentesecretaris",
    "raadslid",
)
SIGNED_MARKER = "w.g."

_BULLET = re.compile(r"^\s*(?:[-•o–—*·]|\(?\d{1,2}[.)])\s+")


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


def _paragraphs(text: Any) -> str:
    """Free text: one paragraph per line, no blank lines (the form the text export reads back)."""
    return "\n".join(_one_line(line) for line in str(text or "").split("\n") if line.strip())


def _items(value: Any) -> list[str]:
    """A list part from a list, or from text with one item per line; bullets stripped, empty items dropped."""
    raw = value.split("\n") if isinstance(value, str) else list(value or [])
    return [text for text in (_one_line(_BULLET.sub("", str(v))) for v in raw) if text]


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def _as_date(value: Any, label: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from assistant.motions.parse import parse_dutch_date

    parsed = parse_dutch_date(str(value))
    if parsed is None:
        raise InputError(f"Ongeldige datum voor {label}: {value!r}.", hint="Gebruik bijv. 13 juni 2024 of 2024-06-13.")
    return parsed


def _models(value: Any, model: type) -> list:
    out = []
    for entry in value or []:
        out.append(entry if isinstance(entry, model) else model(**dict(entry)))
    return out


# --- a new draft -------------------------------------------------------------------------------------------------


def new_item(kind: str, alv_date: dt.date, gemeente: str, *, agenda_item: str = "") -> Item:
    """A skeleton from the sjabloon: the gemeente and the ALV filled in, every other part a visible placeholder."""
    if kind not in KINDS:
        raise InputError(f"Onbekende soort {kind!r}.", hint="Kies 'motie' of 'amendement'.")
    gemeente = _one_line(gemeente)
    if not gemeente:
        raise InputError("Geef de indienende gemeente op.")
    common = dict(
        indiener=gemeente,
        meeting_date=alv_date,
        signatories=[
            Signatory(name=template.SIGNATORY_NAME_PLACEHOLDER, function="burgemeester", gemeente=gemeente)
        ],
        contact_persons=[
            ContactPerson(
                name=template.CONTACT_AMBTELIJK_PLACEHOLDER,
                function=template.AMBTELIJK_FUNCTION,
                email=template.EMAIL_PLACEHOLDER,
                phone=template.PHONE_PLACEHOLDER,
            ),
            ContactPerson(
                name=template.CONTACT_BESTUURDER_PLACEHOLDER,
                function=template.BESTUURDER_FUNCTION_PLACEHOLDER,
                email=template.EMAIL_PLACEHOLDER,
            ),
        ],
    )
    if kind == "amendement":
        target = template.TARGET_PROPOSAL.placeholder
        if agenda_item and amendable_items_known(alv_date):
            chosen = proposal_item(alv_date, agenda_item)  # refuses an item that is not amendable, with the reason
            agenda_item, target = chosen.number, chosen.title
        return Amendment(
            **common,
            titel=template.AMENDMENT_TITEL.placeholder,
            agenda_item=agenda_item or template.AGENDA_ITEM.placeholder,
            target_proposal=target,
            changes=[
                AmendmentChange(
                    action="vervangen",
                    schrappen=template.CHANGES.placeholder,
                    vervangen_door=template.REPLACEMENT_PLACEHOLDER,
                )
            ],
            toelichting=template.TOELICHTING.placeholder,
        )
    return Motion(
        **common,
        titel=template.TITEL.placeholder,
        aanleiding=template.AANLEIDING.placeholder,
        constateringen=[template.CONSTATERINGEN.placeholder],
        overwegingen=[template.OVERWEGINGEN.placeholder],
        oproepen=[_vng_call([template.OPROEPEN.placeholder])],
        slotzin=SLOTZIN,
    )


def _vng_call(points: list[str], like: Oproep | None = None) -> Oproep:
    """One call to the VNG-bestuur whose points are the lines of its text (rendered as bullets)."""
    from assistant.motions.render import DEFAULT_ADDRESSEE, DEFAULT_VERB

    verb = like.verb if like and like.verb else DEFAULT_VERB
    addressee = like.addressee if like and like.addressee else DEFAULT_ADDRESSEE
    to_vng = like.to_vng_bestuur if like else True
    return Oproep(text="\n".join(points), verb=verb, addressee=addressee, to_vng_bestuur=to_vng)


# --- the session -------------------------------------------------------------------------------------------------


class DraftSession:
    """One draft being edited: update parts, validate, render, autosave."""

    def __init__(
        self,
        item: Item,
        *,
        store: DraftStore | None = None,
        draft_id: str | None = None,
        user: str = DEFAULT_USER,
        settings=None,
    ):
        self.item = item
        self.store = store
        self.draft_id = draft_id
        self.user = user
        self.settings = settings

    # construction

    @classmethod
    def new(
        cls,
        kind: str,
        *,
        alv_date: dt.date,
        gemeente: str,
        agenda_item: str = "",
        store: DraftStore | None = None,
        user: str = DEFAULT_USER,
        settings=None,
    ) -> "DraftSession":
        session = cls(new_item(kind, alv_date, gemeente, agenda_item=agenda_item), store=store, user=user,
                      settings=settings)
        if store is not None:
            session.draft_id = store.create(session.item, user=user).draft_id
        return session

    @classmethod
    def open(cls, draft_id: str, *, store: DraftStore, user: str = DEFAULT_USER, settings=None) -> "DraftSession":
        """Reopen a saved draft (after a refresh or a restart)."""
        return cls(store.load(draft_id, user=user), store=store, draft_id=draft_id, user=user, settings=settings)

    @classmethod
    def from_dict(cls, data: dict, **kwargs) -> "DraftSession":
        """From the JSON export (``submission_to_dict``: the ``parsed`` object of ``motie check``)."""
        return cls(item_from_export(data), **kwargs)

    def to_dict(self) -> dict:
        return submission_to_dict(self.item)

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def alv_date(self) -> dt.date | None:
        return self.item.meeting_date

    def parts(self) -> tuple[template.TemplatePart, ...]:
        return template.parts_for(self.kind)

    # editing

    def update(self, key: str, value: Any) -> Item:
        """Set one part (normalised as the text export reads it back) and autosave. Returns the new item."""
        setter = self._setters().get(key)
        if setter is None:
            raise InputError(f"Onbekend onderdeel {key!r} voor een {self.kind}.")
        previous = self.item
        changes = setter(value)
        self.item = previous.model_copy(update=changes)
        self._follow_gemeenten(previous)
        self.save()
        return self.item

    def _setters(self) -> dict[str, Callable[[Any], dict]]:
        setters: dict[str, Callable[[Any], dict]] = {
            "indiener": lambda v: {"indiener": _one_line(v)},
            "mede_indieners": lambda v: {"mede_indieners": _unique(_items(v))},
            "ondersteunende_gemeenten": lambda v: {"ondersteunende_gemeenten": _unique(_items(v))},
            "titel": lambda v: {"titel": _one_line(v)},
            "datum_indiening": lambda v: {"datum_indiening": _as_date(v, "datum indiening")},
            "meeting_date": lambda v: {"meeting_date": _as_date(v, "de ALV")},
            "signatories": lambda v: {"signatories": _models(v, Signatory)},
            "contact_persons": lambda v: {"contact_persons": _models(v, ContactPerson)},
        }
        if self.kind == "motie":
            setters |= {
                "aanleiding": lambda v: {"aanleiding": _paragraphs(v)},
                "constateringen": lambda v: {"constateringen": _items(v)},
                "overwegingen": lambda v: {"overwegingen": _items(v)},
                "oproepen": self._oproepen_value,
                "slotzin": lambda v: {"slotzin": _one_line(v)},
            }
        else:
            setters |= {
                "agenda_item": lambda v: {"agenda_item": _one_line(v).lower()},
                "target_proposal": lambda v: {"target_proposal": _one_line(v)},
                "changes": lambda v: {"changes": _models(v, AmendmentChange)},
                "toelichting": lambda v: {"toelichting": _paragraphs(v)},
            }
        return setters

    def _oproepen_value(self, value: Any) -> dict:
        """Points (strings) become one call to the VNG-bestuur; ``Oproep`` objects/dicts are taken as they are."""
        entries = value.split("\n") if isinstance(value, str) else list(value or [])
        if all(isinstance(e, str) for e in entries):
            points = _items(entries)
            like = self.item.oproepen[0] if self.item.oproepen else None
            return {"oproepen": [_vng_call(points, like)] if points else []}
        return {"oproepen": _models(entries, Oproep)}

    def _follow_gemeenten(self, previous: Item) -> None:
        """Keep the signature blocks in line with the submitters: a renamed indiener takes its signatories along,
        a new mede-indiener gets a signature line, a removed one loses its signatures."""
        signatories = list(self.item.signatories)
        if previous.indiener and self.item.indiener != previous.indiener:
            signatories = [
                s.model_copy(update={"gemeente": self.item.indiener}) if s.gemeente == previous.indiener else s
                for s in signatories
            ]
        removed = set(previous.mede_indieners) - set(self.item.mede_indieners)
        signatories = [s for s in signatories if s.gemeente not in removed]
        for gemeente in self.item.mede_indieners:
            if gemeente not in previous.mede_indieners and not any(s.gemeente == gemeente for s in signatories):
                signatories.append(Signatory(name="[Naam ondertekenaar]", function="", gemeente=gemeente))
        if signatories != self.item.signatories:
            self.item = self.item.model_copy(update={"signatories": signatories})

    def set_signatory(self, index: int, *, name: str | None = None, function: str | None = None,
                      gemeente: str | None = None, signed: bool | None = None) -> Item:
        """Edit one signature block; ``signed=True`` marks it "w.g." as on a signed copy."""
        signatories = list(self.item.signatories)
        if not 0 <= index < len(signatories):
            raise InputError(f"Er is geen ondertekenaar nummer {index + 1}.")
        changes = {k: _one_line(v) for k, v in (("name", name), ("function", function), ("gemeente", gemeente))
                   if v is not None}
        if signed is not None:
            changes |= {"signed": signed, "marker": SIGNED_MARKER if signed else None}
        signatories[index] = signatories[index].model_copy(update=changes)
        return self.update("signatories", signatories)

    def add_signatory(self, gemeente: str, name: str = "", function: str = "") -> Item:
        signatory = Signatory(name=_one_line(name), function=_one_line(function), gemeente=_one_line(gemeente))
        return self.update("signatories", [*self.item.signatories, signatory])

    def add_mede_indiener(self, gemeente: str, *, signer: str = "", function: str = "") -> Item:
        """A co-submitting gemeente with who signs for its college (anyone on behalf of the college will do)."""
        gemeente = _one_line(gemeente)
        self.update("mede_indieners", [*self.item.mede_indieners, gemeente])
        if signer or function:
            index = next(i for i, s in enumerate(self.item.signatories) if s.gemeente == gemeente)
            self.set_signatory(index, name=signer or None, function=function or None)
        return self.item

    def remove_mede_indiener(self, gemeente: str) -> Item:
        return self.update("mede_indieners", [g for g in self.item.mede_indieners if g != gemeente])

    # validation

    def validate(self, *, submitted_at: dt.datetime | None = None, now: dt.datetime | None = None) -> Validation:
        """Run the rule engine and the drafting checks; group everything by part."""
        notes: list[str] = []
        result = self._check(submitted_at, notes)
        placeholders = find_placeholders(self.item)
        gemeenten = self._gemeenten(notes)
        deadline = deadline_info(self.kind, self.alv_date, now=now) if self.alv_date else None
        reports = []
        for part in self.parts():
            reports.append(
                PartReport(
                    part=part,
                    value=getattr(self.item, part.key),
                    findings=[f for f in (result.findings if result else ()) if RULE_PARTS.get(f.rule) == part.key],
                    placeholders=[hit for hit in placeholders if hit.part == part.key],
                    gemeenten=[check for check in gemeenten if check.part == part.key],
                )
            )
        missing = [report.part.label for report in reports if report.part.required and not report.filled]
        return Validation(self.kind, result, reports, placeholders, gemeenten, deadline, missing, notes)

    def _check(self, submitted_at: dt.datetime | None, notes: list[str]):
        from assistant.rules.check import check

        if self.alv_date is None:
            notes.append("Kies eerst de ALV waarvoor deze " + self.kind + " is; dan kan de controle draaien.")
            return None
        return check(self.item, alv_date=self.alv_date, submitted_at=submitted_at, settings=self.settings)

    def _gemeenten(self, notes: list[str]) -> list[GemeenteCheck]:
        try:
            return check_gemeenten(self.item, self.alv_date)
        except InputError as error:  # e.g. a meeting date before the municipality list starts
            notes.append(str(error))
            return []

    # phrase help

    def suggestions(self) -> list:
        """Rule-based rewrite suggestions (``assistant.motions.phrasing``); never applied until accepted."""
        from assistant.motions.phrasing import suggest

        return suggest(self.item)

    def accept(self, suggestion) -> Item:
        """Apply one suggestion the user accepted (by object or by its id) and autosave."""
        from assistant.motions.phrasing import apply_suggestion

        if isinstance(suggestion, str):
            found = next((s for s in self.suggestions() if s.suggestion_id == suggestion), None)
            if found is None:
                raise InputError("Deze suggestie bestaat niet (meer); vraag opnieuw om suggesties.")
            suggestion = found
        self.item = apply_suggestion(self.item, suggestion)
        self.save()
        return self.item

    def reformulate(self, part: str, index: int | None = None, *, chat_model=None):
        """The optional LLM "herformuleer" action: a suggestion to accept or reject."""
        from assistant.motions.phrasing import reformulate

        return reformulate(self.item, part, index, self._settings(), chat_model=chat_model)

    # amendments

    def proposal_choices(self):
        """Agenda items of the ALV: amendable ones (with proposal text) and the others with the reason."""
        from assistant.rules.domain import amendable_items

        return amendable_items(self.alv_date)

    def proposal_text(self, agenda_item: str | None = None) -> str:
        """The amendable text of the chosen proposal, from the corpus (what a change's passage must come from)."""
        return proposal_text(self.alv_date, agenda_item or getattr(self.item, "agenda_item", ""))

    def choose_proposal(self, agenda_item: str) -> Item:
        """Pick the proposal to amend; refuses items that are not amendable, with the reason."""
        item = proposal_item(self.alv_date, agenda_item)
        self.update("agenda_item", item.number)
        return self.update("target_proposal", item.title)

    def add_change(self, passage: str, replacement: str, *, tighten: bool = False) -> Item:
        """Strike ``passage`` from the proposal text and put ``replacement`` in its place ("" strikes only)."""
        from assistant.motions.diff import make_change, tighten_change

        text = self.proposal_text()
        change = make_change(text, passage, replacement)
        if tighten:
            change = tighten_change(text, change)
        return self.update("changes", [*self._real_changes(), change])

    def add_insertion(self, after: str, new_text: str) -> Item:
        from assistant.motions.diff import make_insertion

        change = make_insertion(self.proposal_text(), after, new_text)
        return self.update("changes", [*self._real_changes(), change])

    def remove_change(self, index: int) -> Item:
        changes = list(self.item.changes)
        if not 0 <= index < len(changes):
            raise InputError(f"Er is geen wijziging nummer {index + 1}.")
        del changes[index]
        return self.update("changes", changes)

    def _real_changes(self) -> list[AmendmentChange]:
        if self.kind != "amendement":
            raise InputError("Wijzigingen horen bij een amendement, niet bij een motie.")
        return [c for c in self.item.changes if not any(template.is_placeholder(t) for t in (c.schrappen, c.vervangen_door))]

    def change_previews(self) -> list[dict]:
        """Per change: the instruction as the amendment states it and a strike/insert diff (Markdown and HTML)."""
        from assistant.motions.diff import change_diff, change_instruction, diff_to_html, diff_to_markdown

        previews = []
        for change in getattr(self.item, "changes", []):
            ops = change_diff(change)
            previews.append({
                "instruction": change_instruction(change),
                "diff": [op.to_dict() for op in ops],
                "markdown": diff_to_markdown(ops),
                "html": diff_to_html(ops),
            })
        return previews

    def amended_proposal(self) -> dict:
        """The whole proposal text before and after the amendment, as a strike/insert diff."""
        from assistant.motions.diff import diff_to_html, diff_to_markdown, proposal_diff

        ops = proposal_diff(self.proposal_text(), self._real_changes())
        return {"diff": [op.to_dict() for op in ops], "markdown": diff_to_markdown(ops), "html": diff_to_html(ops)}

    # output

    def submission_address(self) -> tuple[str, bool]:
        """(address, known): the meeting's submission address from the registry, else the default with False."""
        return submission_address(self.alv_date)

    def render(self, fmt: str) -> bytes | str:
        """``docx``/``eml`` → bytes; ``md``/``txt``/``mailto``/``steunlijst-csv``/``steunlijst-md`` → str."""
        return render(self.item, fmt)

    # lijkt op

    def similar(self, reader, *, k_motions: int = 5, k_passages: int = 5):
        """Earlier motions and corpus passages that resemble this draft (``assistant.similar_motions``)."""
        from assistant.similar_motions import resemblance

        return resemblance(self.item, reader, k_motions=k_motions, k_passages=k_passages)

    # persistence

    def save(self) -> None:
        """Autosave: a new version in the store (no-op when unchanged or when the session has no store)."""
        if self.store is None:
            return
        if self.draft_id is None:
            self.draft_id = self.store.create(self.item, user=self.user).draft_id
        else:
            self.store.save(self.draft_id, self.item, user=self.user)

    def _settings(self):
        if self.settings is None:
            from assistant.config import get_settings

            return get_settings()
        return self.settings


# --- module-level helpers the CLI and the app share ----------------------------------------------------------------


def proposal_item(alv_date: dt.date | None, agenda_item: str):
    """The agenda item to amend, or a Dutch error saying why it cannot be amended."""
    from assistant.rules.domain import amendable_items

    items = amendable_items(alv_date)
    if not items.known:
        raise InputError(
            "Deze ALV staat niet in het vergaderregister: de voorsteltekst is niet bekend.",
            hint="Voeg de vergadering toe met `motie meeting add`, of typ de passage zelf over uit het voorstel.",
        )
    item = items.find_item(agenda_item)
    if item is None:
        raise InputError(f"Agendapunt {agenda_item!r} staat niet op de agenda van de {items.meeting_label}.")
    if not item.amendable:
        raise InputError(f"Agendapunt {item.number} is niet amendabel: {item.reason}")
    return item


def amendable_items_known(alv_date: dt.date | None) -> bool:
    """True when the meeting registry knows the ALV (so its agenda items can be offered)."""
    from assistant.rules.domain import amendable_items

    return amendable_items(alv_date).known


def proposal_text(alv_date: dt.date | None, agenda_item: str) -> str:
    item = proposal_item(alv_date, agenda_item)
    if not item.proposals:
        raise InputError(f"Van agendapunt {item.number} staat geen voorsteltekst in de vergaderstukken.")
    return "\n".join(ref.text for ref in item.proposals)


def submission_address(alv_date: dt.date | None) -> tuple[str, bool]:
    from assistant.rules.domain import signing_rules

    rules = signing_rules(alv_date)
    return rules.addresses[0], rules.address_known


def render(item: Item, fmt: str) -> bytes | str:
    """One export of the draft (see ``FORMATS``)."""
    from assistant.motions import render as renderers

    if fmt == "docx":
        return renderers.render_docx(item)
    if fmt == "md":
        return renderers.render_markdown(item)
    if fmt == "txt":
        return renderers.render_text(item)
    if fmt in ("eml", "mailto"):
        address, _ = submission_address(item.meeting_date)
        return renderers.render_eml(item, address) if fmt == "eml" else renderers.mailto_link(item, address)
    if fmt == "steunlijst-csv":
        return renderers.supporters_csv(item)
    if fmt == "steunlijst-md":
        return renderers.supporters_markdown(item)
    raise InputError(f"Onbekend formaat {fmt!r}.", hint="Kies uit: " + ", ".join(FORMATS) + ".")
