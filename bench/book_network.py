"""The book's way of training (chapter 10), written for the benchmark: float32 NumPy.

Classes in the book's style and with its names, but our own code. `nnfs.init()`
makes NumPy's `zeros` and `randn` give float32 and makes `np.dot` compute in float64
and round to float32; it changes NumPy for the whole process, so this module is only
ever run in a process of its own (bench/training.py starts one).
"""

from __future__ import annotations

from typing import Any

import numpy as np

Array = Any  # the book's code is untyped; its arrays are float32 after nnfs.init()


class Layer_Dense:  # noqa: N801 (the book's names)
    # What Adam keeps on the layer (set on its first update).
    weight_momentums: Array
    weight_cache: Array
    bias_momentums: Array
    bias_cache: Array

    def __init__(self, n_inputs: int, n_neurons: int) -> None:
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs: Array) -> None:
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases

    def backward(self, dvalues: Array) -> None:
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = np.dot(dvalues, self.weights.T)


class Activation_ReLU:  # noqa: N801
    def forward(self, inputs: Array) -> None:
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues: Array) -> None:
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class Activation_Softmax:  # noqa: N801
    def forward(self, inputs: Array) -> None:
        self.inputs = inputs
        exps = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exps / np.sum(exps, axis=1, keepdims=True)


class Loss:
    def calculate(self, output: Array, y: Array) -> Any:
        return np.mean(self.forward(output, y))

    def forward(self, output: Array, y: Array) -> Array:
        raise NotImplementedError


class Loss_CategoricalCrossentropy(Loss):  # noqa: N801
    def forward(self, y_pred: Array, y_true: Array) -> Array:
        clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        if len(y_true.shape) == 1:
            confidences = clipped[range(len(y_pred)), y_true]
        else:
            confidences = np.sum(clipped * y_true, axis=1)
        return -np.log(confidences)


class Activation_Softmax_Loss_CategoricalCrossentropy:  # noqa: N801
    def __init__(self) -> None:
        self.activation = Activation_Softmax()
        self.loss = Loss_CategoricalCrossentropy()

    def forward(self, inputs: Array, y_true: Array) -> Any:
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues: Array, y_true: Array) -> None:
        samples = len(dvalues)
        if len(y_true.shape) == 2:
            y_true = np.argmax(y_true, axis=1)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class Optimizer_Adam:  # noqa: N801
    def __init__(
        self,
        learning_rate: float = 0.001,
        decay: float = 0.0,
        epsilon: float = 1e-7,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
    ) -> None:
        self.learning_rate = self.current_learning_rate = learning_rate
        self.decay, self.epsilon, self.iterations = decay, epsilon, 0
        self.beta_1, self.beta_2 = beta_1, beta_2

    def pre_update_params(self) -> None:
        if self.decay:
            self.current_learning_rate = self.learning_rate * (
                1.0 / (1.0 + self.decay * self.iterations)
            )

    def update_params(self, layer: Layer_Dense) -> None:
        if not hasattr(layer, "weight_cache"):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)
        b1, b2, step = self.beta_1, self.beta_2, self.iterations + 1
        layer.weight_momentums = b1 * layer.weight_momentums + (1 - b1) * layer.dweights
        layer.bias_momentums = b1 * layer.bias_momentums + (1 - b1) * layer.dbiases
        weight_momentums = layer.weight_momentums / (1 - b1**step)
        bias_momentums = layer.bias_momentums / (1 - b1**step)
        layer.weight_cache = b2 * layer.weight_cache + (1 - b2) * layer.dweights**2
        layer.bias_cache = b2 * layer.bias_cache + (1 - b2) * layer.dbiases**2
        weight_cache = layer.weight_cache / (1 - b2**step)
        bias_cache = layer.bias_cache / (1 - b2**step)
        lr, eps = self.current_learning_rate, self.epsilon
        layer.weights += -lr * weight_momentums / (np.sqrt(weight_cache) + eps)
        layer.biases += -lr * bias_momentums / (np.sqrt(bias_cache) + eps)

    def post_update_params(self) -> None:
        self.iterations += 1


def train(epochs: int) -> list[str]:
    """The book's Adam run on `spiral_data(100, 3)`; the log line of every 100th epoch."""
    import nnfs  # type: ignore[import-untyped]
    from nnfs.datasets import spiral_data  # type: ignore[import-untyped]

    nnfs.init()
    X, y = spiral_data(samples=100, classes=3)  # noqa: N806 (the book's name)
    dense1, activation1 = Layer_Dense(2, 64), Activation_ReLU()
    dense2 = Layer_Dense(64, 3)
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    optimizer = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    return train_loop(X, y, (dense1, activation1, dense2, loss_activation), optimizer, epochs)


def train_loop(X: Any, y: Any, network: tuple[Any, ...], optimizer: Any, epochs: int) -> list[str]:  # noqa: N803
    """The book's training loop, for its classes or for nnfs_ref's (the same methods):
    the log line of every 100th epoch."""
    dense1, activation1, dense2, loss_activation = network
    log = []
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        loss = loss_activation.forward(dense2.output, y)
        accuracy = np.mean(np.argmax(loss_activation.output, axis=1) == y)
        if not epoch % 100:
            log.append(f"epoch: {epoch}, acc: {accuracy:.3f}, loss: {loss:.3f}")
        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
    return log
