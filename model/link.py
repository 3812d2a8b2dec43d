"""Corpus-level linking: one entity per real-world thing across documents, and the edges
between entities and between documents.

:func:`link_corpus` runs once over a loaded Corpus (after every document's extraction) and:

1. merges the documents' own entities into ``corpus.entities`` — the same id is the same
   entity; beyond that, a PERSON known in some document only by a surname ("Mr Healey",
   "Healey") is the one full name in the corpus ending with that surname ("John Healey"),
   and an organisation named only by an acronym ("NIS") is the one organisation that has
   that acronym as an alias. Ambiguous cases (two Healeys) are left alone.
   Each document's mentions, entities, event entity ids, quote speakers, attribution
   sources and figure entity ids are re-pointed to the merged id;
2. fills each corpus entity's ``documents``, ``mention_count``, ``aliases``, ``attributes``
   (the value most documents agree on) and ``salience`` (the highest in any document);
3. adds links (``corpus.links``), in a deterministic order:

   - ``co-occurs``: two entities named in the same sentence; weight = number of sentences
     across the corpus, evidence = up to :data:`MAX_EVIDENCE` sentence spans;
   - ``capital-of``: a capital city -> its country, when both are in the corpus;
   - ``related-document``: two documents sharing distinctive entities, weighted by inverse
     document frequency (an entity in most documents, such as "Russia" in a corpus about
     the war, connects nothing); evidence = the first mention of each shared entity;
   - ``related-article``: a document's "Read more"/related-article line whose title matches
     another document's title (case, punctuation and quote style ignored).

Aliases stay on the entity (no ``alias-of`` links). Every step is linear in the number of
mentions, except document pairs, which only come from entities in at most
:data:`MAX_PAIR_DF` documents.

Helper look-ups for the interface are pure functions over a Corpus (no global state):
:func:`entity_index`, :func:`mention_index`, :func:`cooccurring`, :func:`related_documents`,
:func:`documents_of`.
"""

from __future__ import annotations

import bisect
import gc
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from model.schema import BlockKind, Corpus, Document, Entity, EntityKind, Evidence, Link, construct_unchecked

MAX_EVIDENCE = 5
#: entities named in more documents than this do not make document pairs (their IDF is
#: low anyway); keeps related-document linking near-linear on large corpora.
MAX_PAIR_DF = 60
#: at most this many entities of one sentence are paired (a list of 200 countries would
#: otherwise make 20,000 pairs)
MAX_SENTENCE_ENTITIES = 24
#: a document keeps at most this many related-document links
MAX_RELATED_PER_DOC = 12
#: the least summed IDF weight for two documents to be related
MIN_RELATED_WEIGHT = 0.69

_READ_MORE = re.compile(r"^\s*(?:Read more|Read More|READ MORE|Related|RELATED|See also|Also read|More)\s*:\s*(.{3,300}?)\s*$")
_NORM = re.compile(r"[^a-z0-9]+")


# --------------------------------------------------------------------------- merging




def _ev(doc_id: str, start: int, end: int) -> Evidence:
    return construct_unchecked(Evidence, {"doc_id": doc_id, "start": start, "end": end})


def _link(source: str, target: str, kind: str, weight: float = 1.0, evidence: list | None = None) -> Link:
    return construct_unchecked(Link, {"source": source, "target": target, "kind": kind, "weight": float(weight),
                             "evidence": evidence if evidence is not None else []})


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _build_remap(docs: list[Document]) -> dict[str, str]:
    """Ids to replace by corpus-level resolution (surnames, acronyms)."""
    persons_full: dict[str, set[str]] = defaultdict(set)  # surname -> full-name ids
    person_names: dict[str, str] = {}
    acronyms: dict[str, set[str]] = defaultdict(set)  # acronym -> org ids
    org_names: dict[str, str] = {}
    for d in docs:
        for e in d.entities:
            if e.kind is EntityKind.PERSON:
                person_names[e.id] = e.name
                if len(e.name.split()) >= 2:
                    persons_full[_surname(e.name)].add(e.id)
            elif e.kind is EntityKind.ORG:
                org_names[e.id] = e.name
                acr = e.attributes.get("acronym")
                names = [acr] if acr else []
                names += [a for a in e.aliases if a.isupper() and 2 <= len(a) <= 8]
                for a in names:
                    if a != e.name:
                        acronyms[a].add(e.id)
    remap: dict[str, str] = {}
    for eid, name in person_names.items():
        if len(name.split()) == 1:
            full = persons_full.get(name, set())
            if len(full) == 1:
                remap[eid] = next(iter(full))
    for eid, name in org_names.items():
        targets = acronyms.get(name, set()) - {eid}
        if len(targets) == 1:
            remap[eid] = next(iter(targets))
        elif _guessed_org(name):
            # "Macron" alone in a document was only guessed to be an organisation; the
            # corpus knows one "Emmanuel Macron".
            full = persons_full.get(name, set())
            if len(full) == 1:
                remap[eid] = next(iter(full))
    return remap


def _guessed_org(name: str) -> bool:
    """A one-word, title-case organisation name that no lexicon vouches for: the entity
    scanner's default for an unknown capitalised word. A vehicle or aircraft make is no guess:
    "Ford" in one story is the carmaker though another names "Bill Ford"."""
    if " " in name or not name[:1].isupper() or name.isupper() or not name[1:].islower():
        return False
    from model.extract.entity_lexicon import lexicon

    lx = lexicon()
    return name not in lx.gaz and name not in lx.make_words


def _repoint(doc: Document, remap: dict[str, str]) -> None:
    if not remap:
        return
    for m in doc.mentions:
        if m.entity_id in remap:
            m.entity_id = remap[m.entity_id]
            kind = _kind_of(m.entity_id)
            if kind is not None:
                m.kind = kind
    for ev in doc.events:
        if any(i in remap for i in ev.entity_ids):
            seen: list[str] = []
            for i in ev.entity_ids:
                j = remap.get(i, i)
                if j not in seen:
                    seen.append(j)
            ev.entity_ids = seen
    for q in doc.quotes:
        if q.speaker in remap:
            q.speaker = remap[q.speaker]
    for a in doc.attributions:
        if a.source in remap:
            a.source = remap[a.source]
    for f in doc.figures:
        if f.entity_id in remap:
            f.entity_id = remap[f.entity_id]
    # The document's own entity list: merge entries that now share an id.
    merged: dict[str, Entity] = {}
    for e in doc.entities:
        new_id = remap.get(e.id, e.id)
        if new_id in merged:
            _absorb(merged[new_id], e)
        else:
            if new_id != e.id:
                e = e.model_copy(update={"id": new_id, "kind": _kind_of(new_id) or e.kind})
            merged[new_id] = e
    doc.entities = list(merged.values())


_ID_KINDS = {k.value.lower(): k for k in EntityKind}


def _kind_of(entity_id: str) -> EntityKind | None:
    return _ID_KINDS.get(entity_id.split(":", 1)[0])


def _absorb(into: Entity, other: Entity) -> None:
    into.mention_count += other.mention_count
    for a in [other.name, *other.aliases]:
        if a != into.name and a not in into.aliases:
            into.aliases.append(a)
    for k, v in other.attributes.items():
        into.attributes.setdefault(k, v)
    into.salience = max(into.salience, other.salience)


def _merge_entities(docs: list[Document]) -> list[Entity]:
    by_id: dict[str, Entity] = {}
    attr_votes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for d in docs:
        counts = Counter(m.entity_id for m in d.mentions)
        for e in d.entities:
            ent = by_id.get(e.id)
            if ent is None:
                ent = Entity(id=e.id, kind=e.kind, name=e.name)
                by_id[e.id] = ent
            elif len(e.name) > len(ent.name) and e.kind is ent.kind:
                # the longest full form is the canonical name
                if ent.name not in ent.aliases:
                    ent.aliases.append(ent.name)
                ent.name = e.name
            for a in [e.name, *e.aliases]:
                if a != ent.name and a not in ent.aliases:
                    ent.aliases.append(a)
            if d.id not in ent.documents:
                ent.documents.append(d.id)
            ent.mention_count += counts.get(e.id, e.mention_count)
            ent.salience = max(ent.salience, e.salience)
            for k, v in e.attributes.items():
                attr_votes[e.id][k][v] += 1
        # Mentions whose entity the document does not describe (a step that failed, or
        # mentions made elsewhere): still one corpus entity each, named by the mention.
        described = {e.id for e in d.entities}
        for m in d.mentions:
            if m.entity_id in described:
                continue
            ent = by_id.get(m.entity_id)
            if ent is None:
                ent = Entity(id=m.entity_id, kind=m.kind, name=m.text)
                by_id[m.entity_id] = ent
            if d.id not in ent.documents:
                ent.documents.append(d.id)
            ent.mention_count += 1
    for eid, votes in attr_votes.items():
        ent = by_id[eid]
        # the value most documents agree on; ties go to the first seen (document order)
        ent.attributes = {k: c.most_common(1)[0][0] for k, c in sorted(votes.items())}
    for ent in by_id.values():
        if ent.name in ent.aliases:
            ent.aliases.remove(ent.name)
    return sorted(by_id.values(), key=lambda e: (-e.mention_count, e.id))


# --------------------------------------------------------------------------- links


def _sentence_of(starts: list[int], sentences, pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < sentences[i].end:
        return i
    return -1


def _cooccurrence_links(docs: list[Document]) -> list[Link]:
    weights: Counter[tuple[str, str]] = Counter()
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for d in docs:
        if not d.sentences or not d.mentions:
            continue
        sentences = d.sentences
        starts = [s.start for s in sentences]
        ends = [s.end for s in sentences]
        per_sentence: dict[int, list[str]] = defaultdict(list)
        for m in d.mentions:
            # _sentence_of, inlined: this runs once per mention of the corpus
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < ends[i]:
                ids = per_sentence[i]
                if m.entity_id not in ids and len(ids) < MAX_SENTENCE_ENTITIES:
                    ids.append(m.entity_id)
        for i, ids in per_sentence.items():
            if len(ids) < 2:
                continue
            ids = sorted(ids)
            sent = d.sentences[i]
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    key = (ids[a], ids[b])
                    weights[key] += 1
                    ev = evidence[key]
                    if len(ev) < MAX_EVIDENCE:
                        ev.append(_ev(doc_id=d.id, start=sent.start, end=sent.end))
    return [_link(source=a, target=b, kind="co-occurs", weight=float(w), evidence=evidence[(a, b)])
            for (a, b), w in sorted(weights.items())]


def _capital_links(entities: list[Entity]) -> list[Link]:
    ids = {e.id for e in entities}
    out = []
    for e in entities:
        country = e.attributes.get("capital_of")
        if e.kind is EntityKind.GPE and country and country in ids and country != e.id:
            out.append(_link(source=e.id, target=country, kind="capital-of", weight=1.0))
    return sorted(out, key=lambda l: (l.source, l.target))


def _document_links(docs: list[Document]) -> list[Link]:
    n = len(docs)
    if n < 2:
        return []
    doc_entities: list[dict[str, tuple[int, int]]] = []  # per doc: entity -> first mention span
    df: Counter[str] = Counter()
    for d in docs:
        first: dict[str, tuple[int, int]] = {}
        for m in d.mentions:
            first.setdefault(m.entity_id, (m.start, m.end))
        doc_entities.append(first)
        df.update(first.keys())
    # distinctive: named in at most half the documents (any entity when there are two)
    limit = max(2, n // 2)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, first in enumerate(doc_entities):
        for eid in first:
            if df[eid] >= 2 and df[eid] <= min(limit, MAX_PAIR_DF):
                postings[eid].append(i)
    scores: dict[int, float] = defaultdict(float)  # pair a * n + b (a < b) -> summed IDF
    for eid in sorted(postings):
        docs_with = postings[eid]
        idf = math.log(1.0 + n / df[eid])
        for x, a in enumerate(docs_with):
            base = a * n
            for b in docs_with[x + 1:]:
                scores[base + b] += idf
    per_doc: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for key, w in scores.items():
        if w >= MIN_RELATED_WEIGHT:
            a, b = divmod(key, n)
            per_doc[a].append((w, b))
            per_doc[b].append((w, a))
    keep: set[tuple[int, int]] = set()
    ids = [d.id for d in docs]
    for a, lst in per_doc.items():
        lst.sort(key=lambda t: (-t[0], ids[t[1]]))
        for _w, b in lst[:MAX_RELATED_PER_DOC]:
            keep.add((min(a, b), max(a, b)))
    out = []
    for a, b in keep:
        da, db = docs[a], docs[b]
        ev = []
        # the entities both documents name (a set intersection, not a scan of one of them)
        common = sorted(e for e in doc_entities[a].keys() & doc_entities[b].keys() if e in postings)
        for eid in common[:3]:
            s, e = doc_entities[a][eid]
            ev.append(_ev(doc_id=da.id, start=s, end=e))
            s, e = doc_entities[b][eid]
            ev.append(_ev(doc_id=db.id, start=s, end=e))
        src, dst = sorted((da.id, db.id))
        out.append(_link(source=src, target=dst, kind="related-document", weight=round(scores[a * n + b], 4), evidence=ev))
    out.sort(key=lambda l: (l.source, l.target))
    return out


def normalise_title(title: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: for matching titles."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    return _NORM.sub(" ", folded).strip()


def _doc_title(d: Document) -> str | None:
    if d.title:
        return d.title
    for b in d.blocks:
        if b.kind is BlockKind.TITLE:
            return d.text[b.start:b.end]
    return None


def related_titles(d: Document) -> list[tuple[str, int, int]]:
    """Titles this document points to as related articles, with the span that names them:
    related blocks (their ``title``, or their text after "Read more:"), and any block whose
    text is a "Read more: <title>" line."""
    out = []
    for b in d.blocks:
        text = d.text[b.start:b.end]
        if b.kind is BlockKind.RELATED and b.title:
            out.append((b.title, b.start, b.end))
            continue
        if b.kind in (BlockKind.RELATED, BlockKind.PARAGRAPH, BlockKind.BOILERPLATE) and len(text) <= 400:
            m = _READ_MORE.match(text)
            if m:
                out.append((m.group(1), b.start + m.start(1), b.start + m.end(1)))
            elif b.kind is BlockKind.RELATED:
                out.append((text.strip(), b.start, b.end))
    return out


def _related_article_links(docs: list[Document]) -> list[Link]:
    by_title: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        t = _doc_title(d)
        if t:
            key = normalise_title(t)
            if len(key) >= 8:
                by_title[key].append(d.id)
    out = []
    seen = set()
    for d in docs:
        for title, s, e in related_titles(d):
            key = normalise_title(title)
            targets = by_title.get(key)
            if not targets and len(key) >= 24 and title.rstrip().endswith(("…", "...")):
                # a truncated related title ("North Korea sends 3,000 troops to aid Russia as…")
                found = [ids for k, ids in sorted(by_title.items()) if k.startswith(key)]
                targets = found[0] if found else None
            for t in targets or []:
                if t != d.id and (d.id, t) not in seen:
                    seen.add((d.id, t))
                    out.append(_link(source=d.id, target=t, kind="related-article", weight=1.0,
                                    evidence=[_ev(doc_id=d.id, start=s, end=e)]))
    out.sort(key=lambda l: (l.source, l.target))
    return out


# --------------------------------------------------------------------------- entry point


def link_corpus(corpus: Corpus) -> Corpus:
    """Merge entities across documents and fill ``corpus.entities`` and ``corpus.links``
    (in place; returns the corpus). Safe to run again: it starts from the documents."""
    # Linking allocates tens of thousands of small objects (links, evidence) while the whole
    # corpus is alive: the cyclic collector's full collections walked every document again
    # and again and took a third of the time. The corpus already built is long-lived, so it
    # is moved to the collector's permanent generation for the duration (gc.freeze): new
    # objects are still collected as usual, in every thread, and nothing is switched off.
    # Only when the caller has frozen nothing itself, so its frozen objects are never thawed.
    own = gc.get_freeze_count() == 0
    if own:
        gc.freeze()
    try:
        return _link_corpus(corpus)
    finally:
        if own:
            gc.unfreeze()


def _link_corpus(corpus: Corpus) -> Corpus:
    docs = corpus.documents
    remap = _build_remap(docs)
    # follow chains (a -> b -> c) so every id lands on its final target
    for k in list(remap):
        seen = {k}
        v = remap[k]
        while v in remap and v not in seen:
            seen.add(v)
            v = remap[v]
        remap[k] = v
    for d in docs:
        _repoint(d, remap)
    corpus.entities = _merge_entities(docs)
    links: list[Link] = []
    links += _capital_links(corpus.entities)
    links += _cooccurrence_links(docs)
    links += _document_links(docs)
    links += _related_article_links(docs)
    corpus.links = links
    return corpus


# --------------------------------------------------------------------------- look-ups


def entity_index(corpus: Corpus) -> dict[str, Entity]:
    """entity id -> corpus Entity."""
    return {e.id: e for e in corpus.entities}


def mention_index(corpus: Corpus) -> dict[str, list[tuple[str, int]]]:
    """entity id -> [(document id, index into that document's mentions)], in corpus order."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for d in corpus.documents:
        for i, m in enumerate(d.mentions):
            out[m.entity_id].append((d.id, i))
    return dict(out)


def documents_of(corpus: Corpus, entity_id: str) -> list[str]:
    """Ids of the documents naming ``entity_id``, in corpus order."""
    for e in corpus.entities:
        if e.id == entity_id:
            return list(e.documents)
    return []


def cooccurring(corpus: Corpus, entity_id: str, links: Iterable[Link] | None = None) -> list[tuple[str, float]]:
    """Entities named in the same sentences as ``entity_id``: [(other id, weight)], heaviest first."""
    out = []
    for l in links if links is not None else corpus.links:
        if l.kind != "co-occurs":
            continue
        if l.source == entity_id:
            out.append((l.target, l.weight))
        elif l.target == entity_id:
            out.append((l.source, l.weight))
    out.sort(key=lambda t: (-t[1], t[0]))
    return out


def related_documents(corpus: Corpus, doc_id: str) -> list[tuple[str, str, float]]:
    """Documents linked to ``doc_id``: [(other id, link kind, weight)], related articles first."""
    out = []
    for l in corpus.links:
        if l.kind not in ("related-document", "related-article"):
            continue
        if l.source == doc_id:
            out.append((l.target, l.kind, l.weight))
        elif l.target == doc_id:
            out.append((l.source, l.kind, l.weight))
    out.sort(key=lambda t: (t[1] != "related-article", -t[2], t[0]))
    return out
