"""HTML pages to articles: trafilatura finds the main text and metadata; captions and the byline,
which it drops, are taken back from the page with lxml and kept as lines of their own."""

from __future__ import annotations

import copy
import html as htmllib
import itertools
import re

import lxml.etree
import lxml.html
import regex
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from khabar.document import Article
from khabar.errors import Errors, IngestError
from khabar.ingest.dates import iso_date

PARAGRAPH_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td"})
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "form", "script", "style", "noscript", "template"})
BOILERPLATE_NAMES = re.compile(
    r"comment|related|sidebar|widget|promo|advert|\bads?\b|\bad-|share|social|newsletter|recommend"
    r"|\bmore-|most-|\bnav|menu|footer|breadcrumb|\btags?\b|trending|popular|subscribe",
    re.IGNORECASE,
)
CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
CREDIT_CLASS = re.compile(r"credit|copyright|photographer", re.IGNORECASE)
BYLINE_CLASS = re.compile(r"byline|author", re.IGNORECASE)
CREDIT_MARKER = re.compile(r"صورة|تصوير")  # also matches "الصورة"
AUTHOR_CUE = re.compile(r"^(?:بقلم|كتبت?|إعداد|بواسطة|by)\s*[:\-–]?\s*", re.IGNORECASE)
EXTRACTION = {
    "with_metadata": True,
    "include_comments": False,
    "include_images": False,
    "include_tables": True,
    "output_format": "python",
}
MAX_BYLINE_CHARS = 150
LENIENT_PARSER = lxml.html.HTMLParser(recover=True, remove_comments=True, remove_pis=True, no_network=True)
# A tag: a name and attributes with ASCII names, as markup has (text in angle brackets is left alone).
MARKUP_TAG = regex.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:@.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*\s*/?>"
    r"|<!--.*?-->|<!\w[^>]*>",
    regex.DOTALL,
)
SKIPPED_ELEMENTS = regex.compile(
    r"<(script|style|noscript|template|head|title)\b.*?</\1\s*>", regex.DOTALL | regex.IGNORECASE
)
# A tag's start followed by Arabic words where attributes should be, as in "<b اليوم": its end is
# missing, and a parser would make the words attributes.
BROKEN_TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?=\s+\p{Arabic})")
ARABIC = regex.compile(r"\p{Arabic}")
# The start of a tag whose end is missing.
STRAY_TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?=[\s/]|$)")
INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "small", "cite"})


def read_html(html: str, what: str) -> Article:
    """Extract the article in an HTML page: title, blank line, body paragraphs, captions, byline."""
    html = BROKEN_TAG.sub("", html)
    tree = trafilatura.load_html(html)
    doc = _extract(tree) if tree is not None else None
    if doc is None or not (doc.text or "").strip():
        return _lenient_article(html, what)
    title = _clean(doc.title or "") or None
    body = [line for line in doc.text.split("\n") if line.strip()]
    if title and body and _clean(body[0]) == title:
        body = body[1:]
    if not body:
        raise IngestError(Errors.E308, what=what, detail="only a title, no body")

    scope = _article_scope(tree, body)
    lines = _with_captions(body, _captions(scope), scope)
    byline = _byline(tree, scope)
    if byline and byline not in _clean("\n".join(lines)):
        lines.append(byline)
    text = "\n".join(lines)
    if title:
        text = f"{title}\n\n{text}"

    author = AUTHOR_CUE.sub("", doc.author).strip() if doc.author else None
    return Article(
        text=text,
        title=title,
        url=doc.url,
        source=doc.sitename,
        author=author or None,
        published=_published_time(tree) or iso_date(doc.date),
        language=_language(tree),
        meta={"format": "html"},
    )


def _lenient_article(html: str, what: str) -> Article:
    """The text of a page trafilatura cannot read (broken markup, a bare fragment): lxml's
    recovering parser, or failing that the markup stripped by pattern; never the markup itself."""
    lines = max(_lenient_lines(html), _stripped_lines(html), key=lambda found: len(ARABIC.findall("".join(found))))
    if not lines:
        raise IngestError(Errors.E308, what=what, detail="no text found, even with a lenient parser")
    return Article(text="\n".join(lines), meta={"format": "html", "extraction": "lenient"})


def _lenient_lines(html: str) -> list[str]:
    try:
        root = lxml.html.document_fromstring(html, parser=LENIENT_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return []
    for el in list(root.iter(*BOILERPLATE_TAGS, "head", lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        el.drop_tree()
    for el in list(root.iter(*PARAGRAPH_TAGS, "br", "tr", "article", "section", "header", "main", "body")):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.insert(0, lxml.html.Element("br"))
            el[0].tail = "\n" + (el.text or "")
            el.text = None
    return _text_lines(root.text_content())


def _stripped_lines(html: str) -> list[str]:
    text = MARKUP_TAG.sub("\n", SKIPPED_ELEMENTS.sub("\n", html))
    return _text_lines(htmllib.unescape(STRAY_TAG.sub(" ", text)))


def _text_lines(text: str) -> list[str]:
    """Non-blank lines with whitespace runs made single spaces; none that still holds a tag."""
    lines = (_clean(line) for line in text.split("\n"))
    return [line for line in lines if line and not MARKUP_TAG.search(line)]


def _extract(tree: HtmlElement) -> Document | None:
    """trafilatura's main text and metadata, with the paragraphs kept apart.

    When its main extractor finds under 250 characters, trafilatura falls back to a baseline that
    flattens the whole <article> (title, captions and byline included) into one line; precision
    mode skips that fallback, so a one-line result is retried in it.
    """
    doc = trafilatura.bare_extraction(tree, **EXTRACTION)
    if doc is not None and doc.text and "\n" not in doc.text.strip():
        precise = trafilatura.bare_extraction(tree, favor_precision=True, **EXTRACTION)
        if precise is not None and "\n" in (precise.text or "").strip():
            doc.text = precise.text
    return doc


def _clean(text: str) -> str:
    """Whitespace runs to single spaces, ends trimmed (for comparing and for extracted lines)."""
    return " ".join(text.split())


def _article_scope(tree: HtmlElement, body: list[str]) -> HtmlElement:
    """The element holding the story: the innermost one around the page elements whose text is a
    body line (widened to an enclosing <article>); failing that the longest <article>, <main>, or
    the whole page."""
    lines = {_clean(line) for line in body}
    matched = [el for el in tree.iter(*PARAGRAPH_TAGS) if _clean(el.text_content()) in lines]
    if matched:
        common = [matched[0], *matched[0].iterancestors()]
        for el in matched[1:]:
            around = {el, *el.iterancestors()}
            common = [a for a in common if a in around]
        scope = common[0]
        if scope in matched and scope.getparent() is not None:
            scope = scope.getparent()
        return next(scope.iterancestors("article"), scope)
    articles = tree.xpath("//article")
    if articles:
        return max(articles, key=lambda el: len(el.text_content()))
    return next(iter(tree.xpath("//main")), tree)


def _is_boilerplate(el: HtmlElement, scope: HtmlElement) -> bool:
    """True inside navigation, asides, ads, related links, share boxes or comments.

    Only the elements between `el` and the first one that also holds `scope` are looked at:
    wrappers of the whole story, with page-wide classes such as "has-sidebar", say nothing.
    """
    holds_scope = {scope, *scope.iterancestors()}
    node = el
    while node is not None and node not in holds_scope:
        if node.tag in BOILERPLATE_TAGS:
            return True
        if BOILERPLATE_NAMES.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        node = node.getparent()
    return False


def _has_class(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    return isinstance(el.tag, str) and bool(pattern.search(el.get("class", "")))


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """Drop the elements nested inside another one of the list."""
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _captions(scope: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """(element, caption line) for each figcaption, `.caption` element, or text of a figure lacking both."""
    marked = [el for el in scope.iter() if el.tag == "figcaption" or _has_class(el, CAPTION_CLASS)]
    marked_set = set(marked)
    bare_figures = [el for el in scope.iter("figure") if not any(d in marked_set for d in el.iterdescendants())]
    captions = []
    for el in _outermost([el for el in marked + bare_figures if not _is_boilerplate(el, scope)]):
        line = _caption_line(el)
        if line:
            captions.append((el, line))
    return captions


def _caption_line(el: HtmlElement) -> str:
    """The caption's text; a separately marked-up photo credit is rendered "…. الصورة: credit"."""
    figure = next(el.iterancestors("figure"), el)
    credits = _outermost([c for c in figure.iter() if _has_class(c, CREDIT_CLASS)])
    full = _clean(el.text_content())
    credit = _clean(" ".join(c.text_content() for c in credits))
    if not credit:
        return full
    bare = copy.deepcopy(el)
    for c in [c for c in bare.iter() if _has_class(c, CREDIT_CLASS)]:
        c.drop_tree()
    caption = _clean(bare.text_content()).rstrip(" .،,")
    if CREDIT_MARKER.search(credit):
        return f"{caption}. {credit}" if caption else credit
    if credit in full and CREDIT_MARKER.search(full):
        return full  # marked inline, as in "… (تصوير: <span class=credit>…</span>)"
    return f"{caption}. الصورة: {credit}" if caption else f"الصورة: {credit}"


def _with_captions(body: list[str], captions: list[tuple[HtmlElement, str]], scope: HtmlElement) -> list[str]:
    """Body lines with each caption trafilatura dropped after the paragraph preceding its figure,
    or at the end when no paragraph precedes it."""
    index_of: dict[str, int] = {}
    for i, line in enumerate(body):
        index_of.setdefault(_clean(line), i)
    pending = {el: line for el, line in captions if line not in index_of and _clean(el.text_content()) not in index_of}
    if not pending:
        return list(body)
    after: dict[int | None, list[str]] = {}
    last_paragraph = None
    for el in scope.iter():
        if el in pending:
            after.setdefault(last_paragraph, []).append(pending[el])
        elif isinstance(el.tag, str) and el.tag in PARAGRAPH_TAGS:
            last_paragraph = index_of.get(_clean(el.text_content()), last_paragraph)
    lines = []
    for i, line in enumerate(body):
        lines.append(line)
        lines.extend(after.get(i, []))
    lines.extend(after.get(None, []))
    return lines


def _byline(tree: HtmlElement, scope: HtmlElement) -> str | None:
    """The first short author line, in the story first, then anywhere outside boilerplate:
    rel/itemprop="author", or a class naming byline or author."""
    for el in itertools.chain(scope.iter(), tree.iter()):
        if not isinstance(el.tag, str):
            continue
        named = "author" in (*el.get("rel", "").split(), el.get("itemprop", "")) or _has_class(el, BYLINE_CLASS)
        if not named or _is_boilerplate(el, scope):
            continue
        for holder in (_enclosing_line(el), el):
            line = _clean(holder.text_content())
            if line and len(line) <= MAX_BYLINE_CHARS:
                return line
    return None


def _enclosing_line(el: HtmlElement) -> HtmlElement:
    """The block around an inline author element, as in "كتب: <a rel=author>…</a> | date"."""
    parent = el.getparent()
    if el.tag in INLINE_TAGS and parent is not None and parent.tag not in INLINE_TAGS:
        return parent
    return el


def _published_time(tree: HtmlElement) -> str | None:
    values = tree.xpath("//meta[@property='article:published_time']/@content")
    return iso_date(values[0]) if values else None


def _language(tree: HtmlElement) -> str:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.split("-")[0].strip().lower() or "ar"
