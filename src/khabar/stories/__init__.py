"""Stories: the same news across outlets and days. `features` reads an article as word triples and a
TF-IDF vector, `tracker` finds near-duplicates and assigns stories online over a sliding window,
`index` keeps the tracker in step with a corpus store, `queries` reads stories back with their facts merged."""
