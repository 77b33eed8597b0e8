"""A driver can only send what is true for them.

Every letter, for a reason or general, is a core that asserts nothing about what the driver
did (who, which account, the notice, the request for a review and the records), plus optional
sentences the driver ticks only if they are true. These tests read the data file and the
built site: the default text must hold no first-person claim about conduct, every optional
sentence must be there to copy with JavaScript off and in the builder's data, and a letter
that touches possible criminal or legal trouble must come after a plain "get legal advice" box.
"""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from conftest import ROOT
from macros.data import STATEMENTS_MARKER, Letter, load

DATA = load(ROOT)

# (letter id, page the letter is on, the letter)
LETTERS: list[tuple[str, str, Letter]] = [
    *((c.id, f"causes/{c.id}/index.html", c.letter) for c in DATA.causes),
    *((g.id, "letters/index.html", g) for g in DATA.letters),
]

# Causes whose letter touches possible criminal or legal trouble: the page must tell the
# driver to get legal advice before sending anything.
LEGAL_EXPOSURE = {"fraud-or-theft", "unsafe-driving", "conduct-complaints"}

# Letters with no "I made a mistake and this is what I changed" choice, and why:
NO_MISTAKE_CHOICE = {
    "no-reason-given",  # the driver does not know the reason yet
    "inactivity",  # not doing blocks is not a mistake
    "background-check-criminal", "background-check-driving-record",  # the report, not the driver's work
    "identity-selfie",  # someone else taking the selfie is the account-sharing letter
    "expired-documents",  # has its own "my document ran out, and I have renewed it" choice
    "fraud-or-theft",  # a written admission in a possible crime is for a lawyer to advise on, not a tick box
}

# Things a driver may not be able to say truthfully. Each is only allowed inside a sentence
# the driver chooses. "I ask", "I got a notice", "please send" and the like stay allowed.
CONDUCT_VERBS = (
    "accept|accepted|arrive|arrived|behave|behaved|call|called|check|checked|complete|completed|"
    "deliver|delivered|did|drive|drove|driven|follow|followed|hand|handed|install|installed|keep|kept|"
    "leave|left|log|logged|made|open|opened|reach|reached|return|returned|run|ran|scan|scanned|sent|"
    "share|shared|stop|stopped|take|took|taken|treat|treated|use|used|work|worked|believe|"
    "let|lent|gave|give|attached|changed|fixed"
)
NOT_IN_DEFAULT_TEXT: dict[str, re.Pattern[str]] = {
    "a first-person claim about what the driver did": re.compile(
        rf"\bI\s+(?:have\s+|had\s+|always\s+|never\s+|only\s+|also\s+|have\s+always\s+|have\s+never\s+)*"
        rf"(?:{CONDUCT_VERBS})\b", re.I),
    "a first-person denial": re.compile(
        r"\bI(?:\s+(?:did|do|was|am|have|had|could|would|were)\s*(?:not|n't)|\s+never)\b|"
        r"\bI\s+(?:didn't|don't|wasn't|haven't|hadn't|couldn't)\b", re.I),
    "a claim that only the driver uses the account": re.compile(
        r"\b(?:I am|I'm) the only\b|\bonly person\b|\bno one else\b|\bnobody else\b|\bmy own phone\b", re.I),
    "a claim about how the driver's account was used": re.compile(
        r"\bmy account (?:was|is|has) (?:not|never|only)\b", re.I),
    "a claim about the driver's character or care": re.compile(
        r"\bwith (?:care|respect)\b|\brespectful\b|\bsafe driver\b|\bcareful\b|\bhonest\b", re.I),
    "a claim that the record or report is wrong": re.compile(
        r"\b(?:is|was|are|were) (?:wrong|incorrect|inaccurate|not accurate|false|untrue|a mistake)\b|"
        r"\bI disagree\b|\bI do not agree\b", re.I),
    "a claim that a document is valid": re.compile(r"\bvalid until\b|\bis valid\b", re.I),
}


def default_text(letter: Letter) -> str:
    """What the driver sends if they tick nothing: subject and body, without the marker line."""
    body = "\n".join(line for line in letter.body.splitlines() if line.strip() != STATEMENTS_MARKER)
    return letter.subject + "\n" + body


def claims_in(text: str) -> list[str]:
    found = []
    for what, pattern in NOT_IN_DEFAULT_TEXT.items():
        for m in pattern.finditer(text):
            found.append(f"{what}: {text[max(0, m.start() - 30):m.end() + 30]!r}")
    return found


def test_the_patterns_catch_the_claims_the_old_letters_made():
    """The patterns must fail on the sentences issue 11 names, or the test below proves nothing."""
    old = [
        "I delivered each package to the address in the app on [Block Dates].",
        "I did not take, open or keep any package.",
        "I am the only person who has used this account.",
        "I accepted my blocks in the Amazon Flex app on my own phone.",
        "I did not use any app to change my location.",
        "I drive with care and follow traffic laws.",
        "I delivered on [Block Dates] and treated everyone with respect.",
        "I believe the report is wrong.",
        "My [Which Document] is valid until [Valid Until Date].",
        "I have attached [What You Attached].",
        "I do not agree with this decision.",
        "I took the selfie myself on [Date of the Selfie].",
        "I didn't share my login.",
        "I have never used a bot.",
    ]
    missed = [sentence for sentence in old if not claims_in(sentence)]
    assert not missed, f"the patterns let these claims through: {missed}"
    allowed = [
        "My name is [Your Full Name]. My Flex account uses [Email on Your Flex Account].",
        "On [Date on the Notice] I got a notice that my account was deactivated.",
        "I ask that a person review my case.",
        "Please also send me the records behind this decision.",
        "I can answer any questions at [Phone Number].",
    ]
    wrongly = {s: claims_in(s) for s in allowed if claims_in(s)}
    assert not wrongly, f"the patterns flag sentences that assert nothing: {wrongly}"


@pytest.mark.parametrize("letter_id,page,letter", LETTERS, ids=[x[0] for x in LETTERS])
def test_the_default_letter_asserts_nothing_the_driver_has_not_chosen(letter_id, page, letter):
    claims = claims_in(default_text(letter))
    assert not claims, (
        f"{letter_id}: the letter sent with nothing ticked says things the driver may not be able to "
        f"say truthfully; move them into `statements`:\n" + "\n".join(claims))


@pytest.mark.parametrize("letter_id,page,letter", LETTERS, ids=[x[0] for x in LETTERS])
def test_each_letter_offers_honest_choices(letter_id, page, letter):
    """A driver who is not sure, or who made a mistake, has a true sentence to pick."""
    if letter_id in ("fcra-dispute", "records-request", "seattle-ols-complaint", "arbitration-notice",
                     "individual-review", "second-appeal"):
        # These letters are not about the driver's conduct; their own choices are checked below.
        assert letter.statements or letter_id == "records-request", f"{letter_id}: no optional sentences"
        return
    texts = " ".join(st.text for st in letter.statements).lower()
    assert "do not know" in texts or "not sure" in texts, (
        f"{letter_id}: no 'I do not know what happened; please show me the records' choice")
    if letter_id not in NO_MISTAKE_CHOICE:
        assert "mistake" in texts and "changed" in texts, (
            f"{letter_id}: no honest 'I made a mistake and this is what I changed' choice")


def test_the_fcra_dispute_names_the_item_instead_of_asserting_it_is_wrong():
    letter = DATA.letter("fcra-dispute")
    assert "[The Item You Dispute]" in letter.body, "the driver says WHICH item the dispute is about"
    assert not claims_in(default_text(letter))


def letter_html(site, page: str, letter_id: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    start = re.search(rf'<div class="letter"[^>]*id="letter-{re.escape(letter_id)}"', html)
    assert start, f"{page}: no letter block for {letter_id}"
    end = html.index('class="letter-statements"', start.start())
    end = html.index("</script>", end) + len("</script>")
    return html[start.start():end]


def code_blocks(fragment: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<code[^>]*>(.*?)</code>", fragment, re.S)]


@pytest.mark.parametrize("letter_id,page,letter", LETTERS, ids=[x[0] for x in LETTERS])
def test_the_built_letter_sends_nothing_unchosen_and_offers_every_sentence(site, letter_id, page, letter):
    fragment = letter_html(site, page, letter_id)
    blocks = code_blocks(fragment)
    assert len(blocks) == 2 + len(letter.statements), (
        f"{letter_id}: expected the subject, the letter and one block per optional sentence; got {len(blocks)}")
    subject, body = blocks[0], blocks[1]
    assert subject.strip() == letter.subject.strip() and body.strip() == letter.body.strip()
    built_default = subject + "\n" + "\n".join(
        line for line in body.splitlines() if line.strip() != STATEMENTS_MARKER)
    assert not claims_in(built_default), f"{letter_id}: the copyable letter on the page asserts: {claims_in(built_default)}"
    if letter.statements:
        assert STATEMENTS_MARKER in body, "with JavaScript off, the letter shows where added sentences go"
    # With JavaScript off: each optional sentence is in its own copyable block, after its label.
    plain = fragment[fragment.index("<p><strong>Letter:</strong></p>"):]
    labels = [unescape(re.sub(r"<[^>]+>", "", em)) for em in re.findall(r"<em>(.*?)</em>", plain, re.S)]
    for st in letter.statements:
        assert st.text.strip() in blocks[2:], f"{letter_id}: sentence '{st.id}' is not in a code block on the page"
        assert st.label in labels, f"{letter_id}: the label of '{st.id}' is not shown above its sentence"
    # For the builder: the same sentences, in the same order, unticked by default.
    data = json.loads(re.search(r'class="letter-statements"[^>]*>(.*?)</script>', fragment, re.S).group(1))
    assert [(d["id"], d["label"], d["text"]) for d in data] == [(s.id, s.label, s.text) for s in letter.statements]
    # Every blank a chosen sentence needs is offered by the builder.
    blanks = json.loads(re.search(r'class="letter-blanks"[^>]*>(.*?)</script>', fragment, re.S).group(1))
    offered = {b["placeholder"] for b in blanks}
    needed = {p for st in letter.statements for p in re.findall(r"\[([^\[\]\n]+)\]", st.text)}
    assert needed <= offered, f"{letter_id}: blanks used in sentences but not offered: {needed - offered}"


def visible_warnings_before(html: str, anchor: str) -> list[str]:
    """Admonition boxes that are open on the page (not a closed <details>) and come before `anchor`."""
    cut = html.index(anchor)
    boxes = re.findall(r'<div class="admonition (?:warning|danger)">(.*?)</div>', html[:cut], re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", b)) for b in boxes]


@pytest.mark.parametrize("cause_id", sorted(LEGAL_EXPOSURE))
def test_a_letter_with_legal_risk_comes_after_a_plain_legal_advice_warning(site, cause_id):
    html = (site / "causes" / cause_id / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="sample-appeal-letter"'):]
    warnings = visible_warnings_before(section, f'id="letter-{cause_id}"')
    good = [w for w in warnings
            if re.search(r"\blawyer\b", w, re.I) and re.search(r"\blegal aid\b", w, re.I)
            and re.search(r"before you send", w, re.I)]
    assert good, (f"{cause_id}: between the heading and the letter there must be an open warning box that says "
                  f"to talk to a lawyer before you send, and points to free legal aid; found: {warnings}")
