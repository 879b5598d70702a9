"""Motions (moties) and amendments (amendementen) as first-class models.

The model is the contract between the parser (free text, DOCX, PDF, e-mail -> model), the rule engine
(model -> findings), the drafting editor (form <-> model -> DOCX/Markdown/text/e-mail) and the batch review.
``model_dump(mode="json")`` is the ``parsed`` object of ``motie check --json``; a saved draft is that object plus
``schema_version``. Validation of *content* (is it complete, signed, on time) lives in ``assistant.rules``, not here:
a half-written draft is a valid model.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
SLOTZIN = "En gaat over tot de orde van de dag."


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Signatory(_Base):
    """Someone who signs on behalf of a gemeente (college)."""

    name: str = ""
    function: str = ""  # burgemeester, waarnemend burgemeester, loco-burgemeester, wethouder, gemeentesecretaris, ...
    gemeente: str = ""
    signed: bool = False  # a marker (w.g., [handtekening]) or a real signature; a typed name alone is not signed
    marker: str | None = None  # the marker found in the text, e.g. "w.g."


class ContactPerson(_Base):
    name: str = ""
    function: str = ""
    gemeente: str = ""
    email: str = ""
    phone: str = ""


class Oproep(_Base):
    """One call in the dictum: "roept het bestuur van de VNG op ...", "verzoekt het VNG-bestuur ..."."""

    text: str
    verb: str = ""  # roept op | verzoekt | draagt op | vraagt | spreekt uit | ...
    addressee: str = ""  # as written, e.g. "het bestuur van de VNG"
    to_vng_bestuur: bool = False


class AmendmentChange(_Base):
    """What an amendment changes in the proposal: strike and replace, strike, or insert after a passage."""

    action: Literal["vervangen", "schrappen", "invoegen"] = "vervangen"
    schrappen: str = ""  # the passage struck (vervangen, schrappen)
    vervangen_door: str = ""  # the new text (vervangen, invoegen)
    invoegen_na: str = ""  # the passage after which the new text is inserted (invoegen)


class _Submission(_Base):
    indiener: str = ""  # the lead gemeente
    mede_indieners: list[str] = Field(default_factory=list)  # co-submitting gemeenten (each must sign)
    ondersteunende_gemeenten: list[str] = Field(default_factory=list)  # supporters (no signature needed)
    titel: str = ""
    datum_indiening: dt.date | None = None
    meeting_date: dt.date | None = None  # the ALV the submission is for, when the text names it
    signatories: list[Signatory] = Field(default_factory=list)
    contact_persons: list[ContactPerson] = Field(default_factory=list)

    @property
    def gemeenten(self) -> list[str]:
        """Lead gemeente first, then the co-submitters (supporters not included)."""
        return [g for g in [self.indiener, *self.mede_indieners] if g]


class Motion(_Submission):
    kind: Literal["motie"] = "motie"
    aanleiding: str = ""
    constateringen: list[str] = Field(default_factory=list)  # "constaterende dat ..."
    overwegingen: list[str] = Field(default_factory=list)  # "overwegende dat ..."
    oproepen: list[Oproep] = Field(default_factory=list)
    slotzin: str = ""


class Amendment(_Submission):
    kind: Literal["amendement"] = "amendement"
    agenda_item: str = ""  # e.g. "5b"
    target_proposal: str = ""  # the proposal (voorstel) amended, as named in the text
    changes: list[AmendmentChange] = Field(default_factory=list)
    toelichting: str = ""


Submission = Annotated[Union[Motion, Amendment], Field(discriminator="kind")]


class _SubmissionEnvelope(_Base):
    item: Submission


def submission_from_dict(data: dict) -> Motion | Amendment:
    """Load a motion or amendment from its JSON form (``parsed`` / a draft file); ``schema_version`` is ignored."""
    payload = {k: v for k, v in data.items() if k != "schema_version"}
    return _SubmissionEnvelope(item=payload).item


def submission_to_dict(item: Motion | Amendment) -> dict:
    """The JSON form used by ``motie check --json`` (``parsed``) and by draft export (plus ``schema_version``)."""
    return {"schema_version": SCHEMA_VERSION, **item.model_dump(mode="json")}
