"""Generated submissions for the batch review's tests, benchmark and demos (not used in production paths).

Motions follow the VNG sjabloon (F1 L489–552); the topics echo motions in the corpus (jeugdzorg, stroomnet,
inburgering, ...) so linking to earlier motions has something to find, plus topics with no history. ``write_*``
functions produce real txt/md/docx/pdf/eml files (python-docx, fpdf2 and the standard ``email`` package) — fpdf2
is a dev dependency and imported only when a PDF is written.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ALV_2024 = dt.date(2024, 6, 26)


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    aanleiding: str
    constateringen: tuple[str, ...]
    overwegingen: tuple[str, ...]
    oproepen: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "stroomnet",
        "Oplossingen voor een overvol stroomnet",
        "Netbeheerders melden dat het elektriciteitsnet in grote delen van het land vol zit; nieuwe woonwijken, "
        "scholen en bedrijven kunnen daardoor niet of pas jaren later worden aangesloten.",
        ("netcongestie de woningbouwopgave en de verduurzaming van maatschappelijk vastgoed vertraagt",
         "ondernemers op wachtlijsten staan voor een aansluiting op het stroomnet"),
        ("gemeenten een sleutelrol hebben bij het vinden van ruimte voor transformatorstations en kabeltracés",
         "de aanpak van netcongestie vraagt om regie van het Rijk en de netbeheerders samen met gemeenten"),
        ("zich bij het Rijk en de netbeheerders in te spannen voor voorrang voor maatschappelijke functies bij "
         "de aansluiting op het stroomnet",
         "te bepleiten dat gemeenten middelen krijgen om ruimte voor netuitbreiding snel te kunnen vergunnen"),
    ),
    Topic(
        "jeugdzorg",
        "Structurele compensatie tekorten jeugdzorg",
        "De uitgaven aan jeugdhulp stijgen al jaren sneller dan de middelen die gemeenten van het Rijk ontvangen; "
        "steeds meer gemeenten moeten bezuinigen op andere voorzieningen om de jeugdzorg te betalen.",
        ("de tekorten op de jeugdzorg in veel gemeenten oplopen en de begroting onder druk zetten",
         "het onderzoek naar de financiering van de jeugdzorg een structureel tekort laat zien"),
        ("kinderen en gezinnen recht hebben op passende jeugdhulp zonder wachtlijsten",
         "gemeenten de jeugdzorg niet duurzaam kunnen uitvoeren zonder structurele compensatie door het Rijk"),
        ("zich bij het kabinet in te spannen voor structurele compensatie van de tekorten op de jeugdzorg",
         "aan te dringen op een reëel financieel kader voor de jeugdzorg op basis van feiten"),
    ),
    Topic(
        "inburgering",
        "Een uitvoerbaar en betaalbaar inburgeringsstelsel",
        "Gemeenten voeren sinds de nieuwe Wet inburgering de regie over de inburgering van statushouders, maar de "
        "middelen en de uitvoeringsruimte schieten tekort.",
        ("de budgetten voor taallessen en begeleiding van inburgeraars niet toereikend zijn",
         "de wachttijden voor inburgeringstrajecten oplopen"),
        ("een snelle start met taal en werk de integratie van statushouders bevordert",
         "het stelsel alleen werkt als gemeenten voldoende middelen en ruimte krijgen"),
        ("bij het Rijk te bepleiten dat het inburgeringsstelsel uitvoerbaar en betaalbaar wordt voor gemeenten",
         "zich in te spannen voor toereikende middelen voor taalonderwijs en begeleiding van inburgeraars"),
    ),
    Topic(
        "afvalfonds",
        "Afspraken Afvalfonds Verpakkingen",
        "De vergoedingen die gemeenten van het Afvalfonds Verpakkingen ontvangen voor de inzameling van plastic, "
        "blik en drinkpakken dekken de werkelijke kosten niet meer.",
        ("de inzamelvergoeding per ton lager ligt dan de kosten van inzameling en sortering",
         "de ketenovereenkomst verpakkingen binnenkort afloopt"),
        ("de producentenverantwoordelijkheid betekent dat producenten de kosten van verpakkingsafval dragen",
         "inwoners niet via de afvalstoffenheffing voor deze tekorten mogen opdraaien"),
        ("zich in te spannen voor kostendekkende vergoedingen van het Afvalfonds Verpakkingen",
         "bij de producenten en het Rijk aan te dringen op nieuwe afspraken over verpakkingsafval"),
    ),
    Topic(
        "raadsleden",
        "Dekking vergoeding raadsleden kleine gemeenten",
        "De verhoging van de vergoeding voor raadsleden in kleine gemeenten wordt niet volledig gecompenseerd via "
        "het gemeentefonds.",
        ("kleine gemeenten de hogere raadsledenvergoeding uit eigen middelen moeten betalen",
         "het raadswerk in kleine gemeenten even zwaar is als in grote gemeenten"),
        ("een goede vergoeding het raadswerk aantrekkelijk houdt voor nieuwe volksvertegenwoordigers",
         "kleine gemeenten onevenredig worden geraakt door de verhoging"),
        ("bij het Rijk te bepleiten dat de verhoging van de raadsledenvergoeding volledig wordt gecompenseerd",
         "zich in te spannen voor een verdeling van de compensatie die recht doet aan kleine gemeenten"),
    ),
    Topic(
        "beschermdwonen",
        "Doordecentralisatie Beschermd Wonen en Maatschappelijke Opvang",
        "De doordecentralisatie van beschermd wonen naar alle gemeenten is opnieuw uitgesteld, terwijl het nieuwe "
        "objectieve verdeelmodel grote herverdeeleffecten heeft.",
        ("centrumgemeenten en regiogemeenten in onzekerheid verkeren over de verdeling van de middelen",
         "cliënten van beschermd wonen en maatschappelijke opvang afhankelijk zijn van een zorgvuldige overgang"),
        ("een zorgvuldige overgang alleen mogelijk is met een realistisch ingroeipad",
         "regionale samenwerking nodig blijft voor specialistische voorzieningen"),
        ("zich in te spannen voor een realistisch ingroeipad bij de doordecentralisatie van beschermd wonen",
         "met het Rijk afspraken te maken over de financiële risico's van het nieuwe verdeelmodel"),
    ),
    Topic(
        "woonwagens",
        "Verhogen NHG-norm voor woonwagens en standplaatsen",
        "Woonwagenbewoners kunnen moeilijk een hypotheek krijgen omdat de Nationale Hypotheek Garantie voor "
        "woonwagens en standplaatsen een te lage norm hanteert.",
        ("de NHG-norm voor woonwagens al jaren niet is aangepast aan de gestegen prijzen",
         "gemeenten extra standplaatsen moeten realiseren volgens het beleidskader gemeentelijk woonwagenbeleid"),
        ("woonwagenbewoners dezelfde kansen op eigen woningbezit moeten hebben als andere inwoners",
         "een passende financieringsmogelijkheid de doorstroming op standplaatsen bevordert"),
        ("bij de minister aan te dringen op een verhoging van de NHG-norm voor woonwagens en standplaatsen",
         "zich in te spannen voor betere financieringsmogelijkheden voor woonwagenbewoners"),
    ),
    Topic(
        "omgevingswet",
        "Structurele middelen voor de uitvoering van de Omgevingswet",
        "Met de inwerkingtreding van de Omgevingswet hebben gemeenten structureel hogere uitvoeringskosten, "
        "terwijl de compensatie door het Rijk tijdelijk is.",
        ("de invoeringskosten van de Omgevingswet hoger uitvallen dan geraamd",
         "het digitale stelsel nog niet goed werkt en extra inzet van medewerkers vraagt"),
        ("de Omgevingswet alleen slaagt met voldoende capaciteit bij gemeenten",
         "een tijdelijke vergoeding geen oplossing biedt voor structurele kosten"),
        ("zich bij het Rijk in te spannen voor een structurele bijdrage voor de uitvoering van de Omgevingswet",
         "te bepleiten dat de werking van het digitale stelsel wordt verbeterd"),
    ),
    Topic(
        "politie",
        "Politiekorps op sterkte",
        "In veel basisteams is de politie onderbezet, waardoor wijkagenten te weinig tijd hebben voor hun wijk en "
        "de aanpak van ondermijning stagneert.",
        ("de bezetting van de basisteams achterblijft bij de afgesproken sterkte",
         "burgemeesters de gevolgen zien in de openbare orde en veiligheid"),
        ("de wijkagent het gezicht van de politie in de buurt is",
         "de aanpak van ondermijnende criminaliteit een zichtbare politie vraagt"),
        ("bij de minister van Justitie en Veiligheid aan te dringen op een politiekorps op volle sterkte",
         "zich in te spannen voor voldoende wijkagenten in alle basisteams"),
    ),
    Topic(
        "zwemles",
        "Zwemvaardigheid van alle kinderen",
        "Steeds meer kinderen verlaten de basisschool zonder zwemdiploma, vooral in gezinnen met een laag inkomen.",
        ("het aantal kinderen zonder zwemdiploma toeneemt",
         "schoolzwemmen in veel gemeenten is verdwenen"),
        ("zwemvaardigheid in een waterrijk land een kwestie van veiligheid is",
         "gemeenten met zwembaden en scholen een rol spelen bij zwemonderwijs"),
        ("zich in te spannen voor een landelijke aanpak voor zwemvaardigheid van alle kinderen",
         "bij het Rijk te bepleiten dat gemeenten middelen krijgen voor schoolzwemmen"),
    ),
    Topic(
        "bibliotheek",
        "Toekomst van de lokale bibliotheek",
        "Lokale bibliotheken staan onder druk door hogere kosten, terwijl zij een steeds grotere rol spelen bij "
        "laaggeletterdheid en digitale inclusie.",
        ("bibliotheken vestigingen sluiten of openingstijden beperken",
         "de wettelijke taken van de bibliotheek zijn uitgebreid"),
        ("de bibliotheek een laagdrempelige plek is voor leesbevordering en digitale vaardigheden",
         "de financiering van bibliotheken niet meegroeit met hun taken"),
        ("bij het Rijk te bepleiten dat de extra taken van bibliotheken structureel worden bekostigd",
         "zich in te spannen voor een landelijk dekkend netwerk van bibliotheken"),
    ),
    Topic(
        "boa",
        "Versoepeling procedure korte wapenstok voor boa's",
        "Handhavers in de openbare ruimte krijgen vaker te maken met agressie, maar de procedure om boa's uit te "
        "rusten met een korte wapenstok is lang en ingewikkeld.",
        ("het geweld tegen boa's toeneemt",
         "de aanvraagprocedure voor de korte wapenstok maanden duurt"),
        ("boa's zich veilig moeten kunnen voelen bij hun werk",
         "gemeenten als werkgever verantwoordelijk zijn voor de veiligheid van hun handhavers"),
        ("bij de minister aan te dringen op een eenvoudigere procedure voor de korte wapenstok voor boa's",
         "zich in te spannen voor betere bescherming van handhavers in de openbare ruimte"),
    ),
)

GEMEENTEN = (
    "Zeist", "Almere", "Renkum", "Oudewater", "Utrecht", "Losser", "Brummen", "Ede", "Schagen", "Tilburg",
    "Leiden", "Assen", "Breda", "Heemstede", "Zandvoort", "Enschede", "Bergeijk", "Groningen", "Zwolle", "Delft",
    "Hoorn", "Dordrecht", "Terschelling", "Veldhoven", "Barneveld", "Stein", "Sluis", "Houten", "Bunnik", "Gouda",
)
BURGEMEESTERS = ("A. de Vries", "B. Jansen", "C. Bakker", "D. Visser", "E. Smit", "F. Meijer", "G. de Boer",
                 "H. Mulder", "I. de Groot", "J. Bos")

SYNONYMS = {
    "zich in te spannen": "zich maximaal in te zetten",
    "te bepleiten": "er bij het Rijk op aan te dringen",
    "gemeenten": "gemeenten in Nederland",
    "de begroting": "de gemeentebegroting",
    "structurele": "blijvende",
}


@dataclass
class MotionSpec:
    """A generated motion or amendment, before it is written to a file."""

    kind: str = "motie"
    topic: Topic = TOPICS[0]
    indiener: str = "Zeist"
    mede_indieners: tuple[str, ...] = ()
    ondersteuners: tuple[str, ...] = ()
    datum: dt.date = dt.date(2024, 6, 10)
    signed: bool = True
    variant_seed: int | None = None  # near-identical rewording when set
    agenda_item: str = "5b"
    extra: str = ""  # a sentence that makes a resubmission differ from its first version

    def signatures(self) -> list[str]:
        lines = []
        for index, gemeente in enumerate((self.indiener, *self.mede_indieners)):
            name = BURGEMEESTERS[(sum(map(ord, gemeente)) + index) % len(BURGEMEESTERS)]
            marker = "w.g. " if self.signed else ""
            lines.append(f"{marker}{name}, burgemeester van {gemeente}")
        return lines


def dutch_date(day: dt.date) -> str:
    months = ("januari februari maart april mei juni juli augustus september oktober november december").split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _vary(sentence: str, rng: random.Random | None) -> str:
    if rng is None:
        return sentence
    for old, new in SYNONYMS.items():
        if old in sentence and rng.random() < 0.5:
            sentence = sentence.replace(old, new, 1)
    return sentence


def motion_text(spec: MotionSpec) -> str:
    """The submission as plain text in the VNG sjabloon."""
    if spec.kind == "amendement":
        return amendment_text(spec)
    rng = random.Random(spec.variant_seed) if spec.variant_seed is not None else None
    t = spec.topic
    lines = [f"Motie van de gemeente(n): {spec.indiener}"]
    if spec.mede_indieners:
        lines.append(f"Mede-indieners: {', '.join(spec.mede_indieners)}")
    lines += [f"Titel motie: {t.title}", f"Datum indiening: {dutch_date(spec.datum)}", ""]
    lines += [f"De Algemene Ledenvergadering van de VNG, in vergadering bijeen op {dutch_date(ALV_2024)},", ""]
    lines += ["Aanleiding", _vary(t.aanleiding, rng) + (f" {spec.extra}" if spec.extra else ""), ""]
    lines += ["Constaterende dat:"] + [f"- {_vary(c, rng)};" for c in t.constateringen] + [""]
    lines += ["Overwegende dat:"] + [f"- {_vary(o, rng)};" for o in t.overwegingen] + [""]
    lines += ["Roept het bestuur van de VNG op:"] + [f"- {_vary(o, rng)};" for o in t.oproepen] + [""]
    lines += ["En gaat over tot de orde van de dag.", "", "Ondertekening:"] + spec.signatures()
    if spec.ondersteuners:
        lines += ["", "Ondersteunende gemeenten:"] + [f"- {g}" for g in spec.ondersteuners]
    lines += ["", f"Contactpersoon: P. Peters, beleidsadviseur, gemeente {spec.indiener}, "
                  f"p.peters@{spec.indiener.lower()}.nl"]
    return "\n".join(lines) + "\n"


def amendment_text(spec: MotionSpec) -> str:
    """An amendment on the 2024 asylum resolution (agenda item 5b, F1 L963–981)."""
    lines = [
        f"Amendement van de gemeente(n): {', '.join((spec.indiener, *spec.mede_indieners))}",
        f"Titel: Doorstroom en uitstroom in de asielketen{spec.extra and ' ' + spec.extra}",
        f"Datum indiening: {dutch_date(spec.datum)}",
        f"Agendapunt {spec.agenda_item}: Resolutie Samenhangend beleid in de asielketen dat uitvoerbaar is voor "
        "gemeenten",
        "",
        f"De Algemene Ledenvergadering van de VNG, in vergadering bijeen op {dutch_date(ALV_2024)}, besluit de "
        "tekst van de resolutie als volgt te wijzigen:",
        "",
        "Schrappen: \"dat pas te doen als de asielketen op orde is\"",
        "Vervangen door: \"dat pas te doen als de asielketen aantoonbaar op orde is en gemeenten daarover zijn "
        "gehoord\"",
        "",
        "Toelichting",
        "Gemeenten moeten kunnen toetsen of de asielketen op orde is voordat de Spreidingswet wordt ingetrokken.",
        "",
        "Ondertekening:",
        *spec.signatures(),
    ]
    return "\n".join(lines) + "\n"


# --- writers -----------------------------------------------------------------------------------------------------


def write_txt(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def docx_bytes(text: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(path: Path, text: str) -> Path:
    path.write_bytes(docx_bytes(text))
    return path


def write_pdf(path: Path, text: str | None) -> Path:
    """A one-page PDF with ``text`` (latin-1 core font), or with only a drawn 'scan' and no text when None."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is None:
        # What a scanner produces, as far as text extraction is concerned: shapes, no text layer.
        pdf.set_fill_color(210, 210, 210)
        for row in range(40):
            pdf.rect(20, 20 + row * 6, 170 - (row * 7) % 60, 3, style="F")
    else:
        pdf.set_font("Helvetica", size=10)
        safe = text.replace("–", "-").replace("€", "EUR").replace("’", "'").replace("“", '"').replace("”", '"')
        for line in safe.split("\n"):
            pdf.multi_cell(0, 5, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def email_bytes(
    *,
    sender: str,
    subject: str,
    body: str,
    attachments: list[tuple[str, bytes]] = (),
    received: dt.datetime | None = None,
    date: dt.datetime | None = None,
    to: str = "motiealv@vng.nl",
) -> bytes:
    """An e-mail as the VNG mail server stores it: a ``Received:`` header by the VNG side when ``received`` is set."""
    message = EmailMessage()
    if received is not None:
        message["Received"] = (f"from mail.gemeente.example (mail.gemeente.example [192.0.2.10]) by mx.vng.nl "
                               f"with ESMTPS; {format_datetime(received)}")
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    if date is not None:
        message["Date"] = format_datetime(date)
    message.set_content(body)
    for name, payload in attachments:
        maintype, subtype = _mime(name)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def _mime(name: str) -> tuple[str, str]:
    suffix = Path(name).suffix.lower()
    return {
        ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ".pdf": ("application", "pdf"),
        ".txt": ("text", "plain"),
        ".md": ("text", "markdown"),
    }.get(suffix, ("application", "octet-stream"))


def at(day: int, hour: int, minute: int = 0, month: int = 6, year: int = 2024) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


# --- a whole batch ------------------------------------------------------------------------------------------------


def write_bench_batch(folder: Path, count: int = 200, seed: int = 7) -> list[Path]:
    """``count`` submissions in mixed formats (about 60% txt/md, 20% docx, 10% pdf, 10% eml with DOCX)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        kind = "amendement" if index % 10 == 9 else "motie"
        spec = MotionSpec(
            kind=kind,
            topic=TOPICS[rng.randrange(len(TOPICS))],
            indiener=rng.choice(GEMEENTEN),
            mede_indieners=tuple(rng.sample(GEMEENTEN, rng.randrange(0, 3))),
            ondersteuners=tuple(rng.sample(GEMEENTEN, rng.randrange(0, 4))),
            datum=dt.date(2024, 6, rng.randrange(3, 14)),
            signed=rng.random() > 0.1,
            variant_seed=index,
            extra=f"(inzending {index})",
        )
        spec = replace(spec, mede_indieners=tuple(g for g in spec.mede_indieners if g != spec.indiener))
        text = motion_text(spec)
        stem = f"{index:03d}-{spec.indiener.lower()}-{spec.topic.key}"
        roll = index % 10
        if roll in (0, 1, 2, 3):
            paths.append(write_txt(folder / f"{stem}.txt", text))
        elif roll in (4, 5):
            paths.append(write_txt(folder / f"{stem}.md", text))
        elif roll == 6:
            paths.append(write_docx(folder / f"{stem}.docx", text))
        elif roll == 7:
            paths.append(write_pdf(folder / f"{stem}.pdf", text))
        else:
            received = at(rng.randrange(5, 15), rng.randrange(8, 18), rng.randrange(60))
            data = email_bytes(sender=f"griffie@{spec.indiener.lower()}.nl", subject=f"Motie {spec.topic.title}",
                               body="Geachte heer, mevrouw,\n\nBijgaand onze inzending.\n\nMet vriendelijke groet,\n"
                                    "De griffie", attachments=[(f"{stem}.docx", docx_bytes(text))], received=received)
            path = folder / f"{stem}.eml"
            path.write_bytes(data)
            paths.append(path)
    return paths


__all__ = [
    "TOPICS", "GEMEENTEN", "MotionSpec", "Topic", "motion_text", "amendment_text", "write_txt", "write_docx",
    "docx_bytes", "write_pdf", "email_bytes", "at", "write_bench_batch", "dutch_date",
]
