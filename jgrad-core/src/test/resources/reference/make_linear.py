"""Writes linear.ref: PyTorch's outputs and gradients for nn.Linear, in float64. Run with
Debian's python3-torch (1.13):

    /usr/bin/python3 make_linear.py > linear.ref

Every case writes the layer's weight (and bias), an input x, an upstream gradient g of the
output's shape, the output y, and the gradients dx, dweight (and dbias) of (y * g).sum().
"""
import torch

from refformat import emit

torch.manual_seed(20240611)
torch.set_default_dtype(torch.float64)


def case(name, layer, x):
    """Runs layer on x, writes its parameters, output and the gradients of (y * g).sum()."""
    x = x.clone().requires_grad_(True)
    y = layer(x)
    g = torch.randn(y.shape)
    (y * g).sum().backward()
    emit(name + ".weight", layer.weight)
    if layer.bias is not None:
        emit(name + ".bias", layer.bias)
    emit(name + ".x", x)
    emit(name + ".g", g)
    emit(name + ".y", y)
    emit(name + ".dx", x.grad)
    emit(name + ".dweight", layer.weight.grad)
    if layer.bias is not None:
        emit(name + ".dbias", layer.bias.grad)


print("# written by make_linear.py with torch", torch.__version__)

# A batch of rows through a layer with PyTorch's default initialization, U(+-1/sqrt(in)).
case("linear", torch.nn.Linear(5, 3), torch.randn(4, 5))

# No bias, and leading dimensions [2, 3] before the features.
case("linear_nobias", torch.nn.Linear(5, 3, bias=False), torch.randn(2, 3, 5))

# A single example, a vector of in-features.
case("linear_vector", torch.nn.Linear(4, 2), torch.randn(4))
