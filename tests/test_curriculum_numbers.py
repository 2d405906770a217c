"""Every worked number of the curriculum appears on the site as the output of a block.

The shared build records what each block showed (`built_site.records`); each row
below names the page and block that must show a number, and the text that must
be in that block's output (its transcript, or what it printed). A number typed
into prose would not count: only a block's real output does.
"""

from __future__ import annotations

import re

import pytest

from tests.book_numbers import (
    BATCH_OUT,
    BOOK_E,
    BOOK_F,
    BOOK_G,
    BOOK_H,
    BP_B,
    BP_PRODUCTS,
    BP_STEP_B,
    BP_STEP_W,
    BP_STEPPED,
    BP_W,
    BP_X,
    BP_Z,
    LAYER_OUT,
)
from tests.conftest import BuiltSite

P1 = "docs/part1"
P2 = "docs/part2"
P3 = "docs/part3"

#: §15: softmax + cross-entropy's combined gradient for the loss lesson's batch, row by row.
COMBINED = [
    "-0.1 0.03333333 0.06666667",
    "0.03333333 -0.16666667 0.13333333",
    "0.00666667 -0.03333333 0.02666667",
]
#: The first line of every chapter 10 training log (curriculum §16).
START = "epoch: 0, acc: 0.360, loss: 1.099"

#: (page, block id, fragments of its output), curriculum section by section.
NUMBERS = [
    # §1 A single neuron: examples A and B
    (f"{P1}/single-neuron.md", "three-inputs", ["2.3"]),
    (f"{P1}/single-neuron.md", "four-terms", ["4.8"]),
    (f"{P1}/single-neuron.md", "neuron-loop", ["4.8"]),
    # §2 A layer: example C
    (f"{P1}/layer.md", "layer-terms", [str(x) for x in LAYER_OUT]),
    (f"{P1}/layer.md", "layer-loops", [str(LAYER_OUT)]),
    # §3 Shapes, and the ragged list's error
    (f"{P1}/tensors.md", "tensors-shape-numpy", ["(2, 4)"]),
    (f"{P1}/tensors.md", "tensors-matrix-numpy", ["(3, 2)"]),
    (f"{P1}/tensors.md", "tensors-cube-numpy", ["(3, 2, 4)"]),
    (f"{P1}/tensors.md", "tensors-ragged-error", ["inhomogeneous shape"]),
    # §4 The dot product and vector addition
    (f"{P1}/dot-product.md", "dot-numpy", ["20"]),
    # §5 A neuron and a layer with NumPy
    (f"{P1}/numpy-neuron-layer.md", "np-one-numpy", ["2.8", "4.8"]),
    (f"{P1}/numpy-neuron-layer.md", "np-layer-numpy", [str(x) for x in LAYER_OUT]),
    # §6 A batch: D, shape (3, 4)
    (f"{P1}/batches.md", "batch-numpy", ["(3, 4)"]),
    # §7 The matrix product
    (f"{P1}/matrix-product.md", "matmul-row-column", ["[[20]]"]),
    (f"{P1}/matrix-product.md", "matmul-shapes", ["(5, 7)"]),
    # §8 A layer and a batch
    (f"{P1}/layer-batch.md", "lb-numpy", [str(x) for row in BATCH_OUT for x in row]),
    # §9 Adding layers: example E, the spiral data, example F
    (f"{P2}/adding-layers.md", "al-numpy", [BOOK_E]),
    (f"{P2}/spiral-data.md", "spiral-shapes", ["(300, 2)", "float32", "(300,)", "uint8"]),
    (f"{P2}/spiral-data.md", "spiral-labels", ["0.00299556", "0.00964661", "0.01556285"]),
    (f"{P2}/dense-layer.md", "dense-example-f", [BOOK_F]),
    # §10 Activation functions: ReLU, softmax, overflow, batch softmax, example G
    (f"{P2}/activation-functions.md", "act-relu-numpy", ["3.3", "1.1", "2.2"]),
    (f"{P2}/softmax.md", "sm-one-numpy", ["121.51041752", "0.89528266", "0.08000903"]),
    (f"{P2}/softmax.md", "sm-one-plain", ["0.9999999999999999"]),
    (f"{P2}/softmax.md", "sm-overflow", ["inf", "RuntimeWarning"]),
    (f"{P2}/softmax.md", "sm-batch-softmax", ["9.99811129e-01", "5.13097164e-01"]),
    (f"{P2}/softmax.md", "sm-example-g", [BOOK_G]),
    # §11 Loss and accuracy: example H and the small examples
    (f"{P2}/loss.md", "loss-one-sample", ["0.35667494393873245"]),
    (f"{P2}/loss.md", "loss-batch-numpy", ["0.38506088005216804"]),
    (f"{P2}/loss.md", "loss-accuracy-numpy", ["0.6666666666666666"]),
    (f"{P2}/loss.md", "loss-example-h", [str(x) for x in BOOK_H]),
    # §12 Random search: the last improvement of each run (iteration, loss, accuracy)
    (f"{P3}/random-search.md", "rs-fresh", ["iteration 9450 loss 1.0964", "acc 0.3333333"]),
    (f"{P3}/random-search.md", "rs-steps-vertical", ["iteration 9397 loss 0.1727", "acc 0.93"]),
    (f"{P3}/random-search.md", "rs-steps-spiral", ["iteration 5415 loss 1.079", "acc 0.39"]),
    # §13 Derivatives: the numerical derivative of 2x² with delta = 0.0001
    (f"{P3}/derivatives.md", "deriv-numerical-one", ["4.0001999999987845"]),
    (
        f"{P3}/derivatives.md",
        "deriv-numerical-points",
        [
            "0 0.00019999999999999998",
            "1 4.0001999999987845",
            "2 8.000199999998785",
            "3 12.000199999998785",
            "4 16.000200000016548",
        ],
    ),
    # §14 Partial derivatives: ReLU's derivative, 1 where the input is positive, else 0
    (f"{P3}/gradients.md", "grad-relu-convention", ["[0.0, 0.0, 1.0]", "[0., 0., 0., 1., 1.]"]),
    # §15 Backpropagation through one neuron, by hand
    (
        f"{P3}/backprop-neuron.md",
        "bpn-forward",
        [str(tuple(BP_PRODUCTS)), f"z\n{BP_Z}", f"y = max(z, 0.0) # ReLU >>> y\n{BP_Z}"],
    ),
    (f"{P3}/backprop-neuron.md", "bpn-relu", ["drelu_dz\n1.0"]),
    (f"{P3}/backprop-neuron.md", "bpn-gradient", [f"dx\n{BP_W}", f"dw\n{BP_X}", f"db\n{BP_B}"]),
    (f"{P3}/backprop-neuron.md", "bpn-step", [str(BP_STEP_W), str(BP_STEP_B), BP_STEPPED[0]]),
    (f"{P3}/backprop-neuron.md", "bpn-step-weights", [BP_STEPPED[1]]),
    # §15 Backpropagation: a layer's gradients, ReLU's, the combined gradient, the network
    (
        f"{P3}/backprop-layer.md",
        "bpl-dinputs-numpy",
        ["0.44 -0.38 -0.07 1.37", "0.88 -0.76 -0.14 2.74", "1.32 -1.14 -0.21 4.11"],
    ),
    (
        f"{P3}/backprop-layer.md",
        "bpl-dweights",
        ["0.5 0.5 0.5", "20.1 20.1 20.1", "10.9 10.9 10.9", "4.1 4.1 4.1"],
    ),
    (f"{P3}/backprop-layer.md", "bpl-dbiases", ["[[6., 6., 6.]]"]),
    (f"{P3}/backprop-layer.md", "bpl-relu", ["[2., 0., 2.]"]),
    (f"{P3}/backprop-layer.md", "bpl-relu-zero", ["[[0., 0., 5.]]"]),
    (f"{P3}/backprop-layer.md", "bpl-combined", COMBINED),
    (f"{P3}/backprop-layer.md", "bpl-separate", COMBINED),
    (f"{P3}/backprop-layer.md", "bpl-book-float32", ["7e-09"]),
    (f"{P3}/backprop-layer.md", "bpl-network-forward", [str(x) for x in BOOK_H]),
    # §16 Optimizers: every run's first line, and the learning rates decay leaves
    (f"{P3}/sgd.md", "sgd-start", [START]),
    (f"{P3}/sgd.md", "sgd-train-plain", [START, "lr: 1.0"]),
    (f"{P3}/sgd.md", "sgd-decay-formula", ["9999 0.09091735612328393"]),
    (f"{P3}/sgd.md", "sgd-decay-final", ["0.09091735612328393"]),
    (f"{P3}/sgd.md", "sgd-train-decay", [START, "lr: 0.09091735612328393"]),
    (f"{P3}/sgd.md", "sgd-train-momentum", [START, "lr: 0.09091735612328393"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-adagrad-rate", ["0.5000250012500626"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-train-adagrad", [START, "lr: 0.5000250012500626"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-rmsprop-rate", ["0.018181983472577025"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-train-rmsprop", [START, "lr: 0.018181983472577025"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-adam-rate", ["0.04975126853296942"]),
    (f"{P3}/adaptive-optimizers.md", "adapt-train-adam", [START, "lr: 0.04975126853296942"]),
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("page", "block", "fragments"), NUMBERS, ids=[n[1] for n in NUMBERS])
def test_the_number_is_the_output_of_its_block(
    built_site: BuiltSite, page: str, block: str, fragments: list[str]
) -> None:
    shown = [
        str(record["shown"])
        for record in built_site.records
        if record["page"] == page and record["id"] == block
    ]
    assert shown, f"the build ran no block '{block}' on {page}"
    for fragment in fragments:
        assert squeeze(fragment) in squeeze(shown[0]), f"{page}, block '{block}': {fragment!r}"
