"""A paragraph's inlines cut at its sentences, for the read-along (no engine)."""

from factsheets import model as m
from factsheets.writers.sentence_inlines import split_inlines
from factsheets.writers.sentences import sentence_spans


def test_sentences_split_between_inlines_and_inside_text():
    nodes = (m.Text("Ask the "), m.Link("http://x.org", (m.Text("school. Then"),)), m.Text(" wait. It will reply."))
    spans = sentence_spans(m.plain_text(nodes))
    assert spans == [(0, 15), (16, 26), (27, 41)]
    groups = split_inlines(nodes, spans)
    # The boundary inside the link cannot be cut: those sentences stay together.
    assert [m.plain_text(tuple(g)) for g in groups] == ["Ask the school. Then wait. ", "It will reply."]
