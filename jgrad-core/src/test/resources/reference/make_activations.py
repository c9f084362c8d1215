"""Writes activations.ref: PyTorch's values and input gradients for jgrad's activation layers
and BatchNorm1d, in float64. Run with Debian's python3-torch (1.13):

    /usr/bin/python3 make_activations.py > activations.ref

Every case draws its input x and an upstream gradient g of the output's shape; dx (and dweight,
dbias for layers with parameters) are the gradients of (out * g).sum().
"""
import torch

from refformat import emit

torch.manual_seed(20240605)
torch.set_default_dtype(torch.float64)


def case(name, module, x, params=()):
    """Runs module on x, writes its output and the gradients of (out * g).sum()."""
    x = x.clone().requires_grad_(True)
    y = module(x)
    g = torch.randn(y.shape)
    (y * g).sum().backward()
    emit(name + ".x", x)
    emit(name + ".g", g)
    emit(name + ".y", y)
    emit(name + ".dx", x.grad)
    for pname in params:
        emit(name + ".d" + pname, getattr(module, pname).grad)


print("# written by make_activations.py with torch", torch.__version__)

# Element-wise activations on one input with an exact 0, where the kinks are.
x = torch.randn(4, 5) * 2
x[0, 0] = 0.0
case("sigmoid", torch.nn.Sigmoid(), x)
case("tanh", torch.nn.Tanh(), x)
case("relu", torch.nn.ReLU(), x)
case("leakyrelu", torch.nn.LeakyReLU(0.1), x)
case("elu", torch.nn.ELU(1.0), x)
case("softmax", torch.nn.Softmax(1), x)
case("logsoftmax", torch.nn.LogSoftmax(1), x)

# Softplus on both sides of its threshold (beta * x > threshold is linear) and far below 0.
wide = torch.cat([x, torch.tensor([[-30.0, -5.0, 19.5, 20.5, 40.0]])])
case("softplus", torch.nn.Softplus(), wide)
case("softplus_beta2", torch.nn.Softplus(beta=2.0, threshold=5.0), wide)

# PReLU: one shared slope, and one slope per channel (dimension 1) of an [N, C, L] input.
shared = torch.nn.PReLU()
case("prelu", shared, x, params=("weight",))
emit("prelu.weight", shared.weight)
per_channel = torch.nn.PReLU(5)
with torch.no_grad():
    per_channel.weight.copy_(torch.tensor([0.25, -0.1, 0.5, 1.5, 0.0]))
emit("prelu5.weight", per_channel.weight)
x3 = torch.randn(3, 5, 2)
x3[0, 0, 0] = 0.0
case("prelu5", per_channel, x3, params=("weight",))

# BatchNorm1d: one training step on [N, C] (batch statistics; running statistics updated with
# the unbiased variance), then evaluation on another batch (running statistics).
bn = torch.nn.BatchNorm1d(4)
with torch.no_grad():
    bn.weight.copy_(torch.randn(4))
    bn.bias.copy_(torch.randn(4))
emit("bn.weight", bn.weight)
emit("bn.bias", bn.bias)
bn.train()
case("bn.train", bn, torch.randn(6, 4) * 3 + torch.tensor([1.0, -2.0, 0.5, 4.0]), params=("weight", "bias"))
emit("bn.running_mean", bn.running_mean)
emit("bn.running_var", bn.running_var)
bn.weight.grad = None
bn.bias.grad = None
bn.eval()
case("bn.eval", bn, torch.randn(3, 4) * 3, params=("weight", "bias"))

# BatchNorm1d on [N, C, L]: statistics over N and L.
bn3 = torch.nn.BatchNorm1d(3, eps=1e-3, momentum=0.3)
with torch.no_grad():
    bn3.weight.copy_(torch.randn(3))
    bn3.bias.copy_(torch.randn(3))
emit("bn3.weight", bn3.weight)
emit("bn3.bias", bn3.bias)
case("bn3.train", bn3, torch.randn(4, 3, 5) * 2 - 1, params=("weight", "bias"))
emit("bn3.running_mean", bn3.running_mean)
emit("bn3.running_var", bn3.running_var)
