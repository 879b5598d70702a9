import numpy as np

from assistant.index.cache import CacheFile, EmbeddingCache, quantize, text_key


def _vectors(n, dim=8, seed=0):
    return quantize(np.random.default_rng(seed).normal(size=(n, dim)))


def test_round_trip_is_exact_after_quantize(tmp_path):
    raw = np.random.default_rng(1).normal(size=(3, 8)).astype(np.float32)
    entries = {text_key(str(i)): raw[i] for i in range(3)}
    CacheFile(tmp_path, "m@1").save(entries, 8)
    loaded = CacheFile(tmp_path, "m@1").load(8, warn=lambda message: None)
    assert loaded.keys() == entries.keys()
    for key, vector in entries.items():
        # a cache hit yields bit for bit the vector a fresh embedding yields
        assert np.array_equal(quantize(loaded[key]), quantize(vector))
        assert np.isclose(np.linalg.norm(quantize(loaded[key])), 1.0, atol=1e-6)


def test_identical_content_gives_identical_bytes(tmp_path):
    vectors = _vectors(4)
    entries = {text_key(str(i)): vectors[i] for i in range(4)}
    CacheFile(tmp_path / "a", "m").save(entries, 8)
    CacheFile(tmp_path / "b", "m").save(dict(reversed(list(entries.items()))), 8)
    file_a, file_b = CacheFile(tmp_path / "a", "m"), CacheFile(tmp_path / "b", "m")
    assert file_a.vectors_path.read_bytes() == file_b.vectors_path.read_bytes()
    assert file_a.keys_path.read_bytes() == file_b.keys_path.read_bytes()


def test_hash_mismatch_is_reported_in_dutch_and_ignored(tmp_path):
    cache_file = CacheFile(tmp_path, "m")
    cache_file.save({text_key("x"): _vectors(1)[0]}, 8)
    raw = bytearray(cache_file.vectors_path.read_bytes())
    raw[-1] ^= 0xFF
    cache_file.vectors_path.write_bytes(bytes(raw))
    warnings = []
    assert cache_file.load(8, warnings.append) == {}
    assert "sha256" in warnings[0] and "genegeerd" in warnings[0]


def test_bundled_keys_go_to_committed_cache_others_stay_local(tmp_path):
    committed, local = tmp_path / "committed", tmp_path / "local"
    cache = EmbeddingCache("m", 8, committed, local, warn=lambda message: None)
    vectors = _vectors(3)
    for i in range(3):
        cache.put(f"k{i}", vectors[i])
    cache.save(bundled_keys=["k0", "k1"])
    again = EmbeddingCache("m", 8, committed, local, warn=lambda message: None)
    assert set(CacheFile(committed, "m").load(8, print)) == {"k0", "k1"}
    assert set(CacheFile(local, "m").load(8, print)) == {"k2"}
    assert len(again) == 3 and again.get("k2") is not None
    # a build that does not cover the bundled corpus leaves the committed cache alone
    again.put("k3", vectors[0])
    again.save(bundled_keys=None)
    assert set(CacheFile(committed, "m").load(8, print)) == {"k0", "k1"}
    # a later bundled build with fewer chunks prunes the committed cache to what is used
    again.save(bundled_keys=["k1"])
    assert set(CacheFile(committed, "m").load(8, print)) == {"k1"}


def test_other_model_file_is_not_used(tmp_path):
    CacheFile(tmp_path, "model-a").save({"k": _vectors(1)[0]}, 8)
    cache = EmbeddingCache("model-b", 8, tmp_path, tmp_path / "local", warn=lambda message: None)
    assert cache.get("k") is None
