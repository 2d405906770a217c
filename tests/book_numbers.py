"""The book's worked data, defined once.

Every number a worked example of the curriculum uses or prints, by example (A to H)
and section (§1 to §11), for the tests of nnfs_ref, of the figures and of the digits.
They are facts from the book: nnfs_ref, the figures and the book's own package must
give them. Test-only inputs stay in their tests. Plain data only.
(The environment that limits NumPy, OpenBLAS and glibc to their oldest code paths
is read from NumPy itself: docs_build/core/codepaths.py.)
"""

from __future__ import annotations

# Part 1

# A (§1, a single neuron): three inputs (integers), three weights and a bias give 2.3.
A_INPUTS = [1, 2, 3]
A_WEIGHTS = [0.2, 0.8, -0.5]
A_BIAS = 2

# §1 (no letter): one-input neurons drawn as lines, (weight, bias) pairs on five inputs.
LINE_INPUTS = [-2, -1, 0, 1, 2]
SLOPES = [(0.5, 0.0), (1.0, 0.0), (2.0, 0.0)]  # the weight changes, the bias is 0
SHIFTS = [(1.0, -2.0), (1.0, 0.0), (1.0, 2.0)]  # the bias changes, the weight is 1

# B (§1): four inputs; with the weights and bias of C's first neuron,
# WEIGHTS[0] and BIASES[0], they give 4.8.
INPUTS = [1.0, 2.0, 3.0, 2.5]

# C (§2, a layer): three neurons on B's INPUTS.
WEIGHTS = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
BIASES = [2.0, 3.0, 0.5]
LAYER_OUT = [4.8, 1.21, 2.385]

# §3 (tensors, no letter): the lesson's cube, shape (3, 2, 4).
CUBE = [[[1, 5, 6, 2], [3, 2, 1, 3]], [[5, 2, 1, 2], [6, 4, 8, 4]], [[2, 8, 5, 3], [1, 1, 9, 4]]]

# §4 (the dot product, no letter): a · b = 20; and vectors that point alike, or not:
# ALIGN_A with each of ALIGN_OTHERS gives 6, 0 and -10.
DOT_A = [1, 2, 3]
DOT_B = [2, 3, 4]
ALIGN_A = [3, 1]
ALIGN_OTHERS = [[1, 3], [-1, 3], [-3, -1]]

# D (§6 a batch, §8 a layer and a batch): three samples of four features, shape (3, 4),
# through C's layer; the first row of the outputs is C's.
BATCH: list[list[float]] = [[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]
BATCH_OUT = [LAYER_OUT, [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]]

# Part 2

# E (§9, adding layers): a second layer on D's outputs, and the digits NumPy prints.
WEIGHTS2 = [[0.1, -0.14, 0.5], [-0.5, 0.12, -0.33], [-0.44, 0.73, -0.13]]
BIASES2 = [-1, 2, -0.5]
BOOK_E = """\
[[ 0.5031  -1.04185 -2.03875]
 [ 0.2434  -2.7332  -5.7633 ]
 [-0.99314  1.41254 -0.35655]]"""

# F (§9, a dense layer): the first five rows of dense1's output on the spiral data.
BOOK_F = """\
[[ 0.0000000e+00  0.0000000e+00  0.0000000e+00]
 [-1.0475188e-04  1.1395361e-04 -4.7983500e-05]
 [-2.7414842e-04  3.1729150e-04 -8.6921798e-05]
 [-4.2188365e-04  5.2666257e-04 -5.5912682e-05]
 [-5.7707680e-04  7.1401405e-04 -8.9430439e-05]]"""

# §10 (activation functions, no letter): the inputs of the ReLU example.
RELU_INPUTS = [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]

# G (§10, softmax): the first five rows of the whole forward pass's probabilities.
BOOK_G = """\
[[0.33333334 0.33333334 0.33333334]
 [0.33333316 0.3333332  0.33333364]
 [0.33333287 0.3333329  0.33333418]
 [0.3333326  0.33333263 0.33333477]
 [0.33333233 0.3333324  0.33333528]]"""

# §11 (loss and accuracy, no letter): the small examples' predictions and their classes,
# as labels and one-hot; the accuracy example's own predictions.
PREDICTIONS = [[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]]
LABELS = [0, 1, 1]
ONE_HOT = [[1, 0, 0], [0, 1, 0], [0, 1, 0]]
ACCURACY_PREDICTIONS = [[0.7, 0.2, 0.1], [0.5, 0.1, 0.4], [0.02, 0.9, 0.08]]

# H (§11): the untrained network's loss, as printed, and its accuracy.
BOOK_H = ["1.0986104", 0.34]

# Part 3

# §15 (backpropagation, one neuron by hand): inputs, weights and bias; the products,
# z and ReLU(z); with an upstream gradient of 1 the gradients, dx = the weights and
# dw = the inputs; one step of 0.001 against them, and the new outputs as printed.
BP_X = [1.0, -2.0, 3.0]
BP_W = [-3.0, -1.0, 2.0]
BP_B = 1.0
BP_PRODUCTS = [-3.0, 2.0, 6.0]
BP_Z = 6.0
BP_STEP_W = [-3.001, -0.998, 1.997]
BP_STEP_B = 0.999
BP_STEPPED = ["5.985", "5.986000000000001"]  # weights and bias stepped; weights alone
