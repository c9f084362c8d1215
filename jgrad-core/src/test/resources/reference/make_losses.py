"""Frozen PyTorch references for jgrad's losses (org.jgrad.nn.loss), written to stdout.

Run from this folder with Debian's python3-torch (1.13):

    /usr/bin/python3 make_losses.py > losses.ref

For each case NAME the file holds NAME.input and NAME.target (class indices as floats) and any
other arguments, then the loss under each reduction (NAME.mean, NAME.sum, NAME.none) and the
gradients of the mean loss with respect to the input (NAME.grad_input) and, where PyTorch
differentiates the loss with respect to the target, the target (NAME.grad_target). All in
float64; the format is described in ReferenceValues.java.
"""
import torch

from refformat import emit
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def case(name, loss, input, target, differentiate_target, **extra):
    """Emits a case; loss(input, target, reduction) is PyTorch's functional form."""
    print("#", name)
    emit(name + ".input", input)
    emit(name + ".target", target)
    for key, value in extra.items():
        emit(name + "." + key, value)
    for reduction in ("mean", "sum", "none"):
        emit(name + "." + reduction, loss(input, target, reduction))
    x = input.clone().requires_grad_()
    y = target.clone().requires_grad_() if differentiate_target else target
    loss(x, y, "mean").backward()
    emit(name + ".grad_input", x.grad)
    if differentiate_target:
        emit(name + ".grad_target", y.grad)


def classes(n, c):
    return torch.randint(0, c, (n,))


def probabilities(*shape):
    return torch.softmax(torch.randn(*shape), dim=1)


# Regression losses: input and target of one shape.
x, y = torch.randn(4, 3), torch.randn(4, 3)
case("mse", lambda a, b, r: F.mse_loss(a, b, reduction=r), x, y, True)
case("l1", lambda a, b, r: F.l1_loss(a, b, reduction=r), x, y, True)
# delta 0.7 puts errors on both sides of the kink.
case("huber", lambda a, b, r: F.huber_loss(a, b, reduction=r, delta=0.7), x, y, True)

# Binary cross-entropy: probabilities away from 0 and 1, soft and hard targets.
p = torch.rand(4, 3) * 0.9 + 0.05
t = torch.tensor([[0., 1., 1.], [1., 0., 0.], [0.3, 0.8, 0.5], [1., 1., 0.]])
case("bce", lambda a, b, r: F.binary_cross_entropy(a, b, reduction=r), p, t, True)
logits = torch.randn(4, 3) * 3
case("bce_logits", lambda a, b, r: F.binary_cross_entropy_with_logits(a, b, reduction=r), logits, t, True)
pos_weight = torch.tensor([0.5, 2.0, 3.0])
case("bce_logits_pos_weight",
     lambda a, b, r: F.binary_cross_entropy_with_logits(a, b, reduction=r, pos_weight=pos_weight),
     logits, t, True, pos_weight=pos_weight)

# Cross-entropy and NLL: 5 examples, 4 classes.
scores = torch.randn(5, 4) * 2
labels = classes(5, 4)
weight = torch.tensor([0.5, 1.0, 2.0, 1.5])
case("ce_index", lambda a, b, r: F.cross_entropy(a, b.long(), reduction=r), scores, labels.double(), False)
case("ce_prob", lambda a, b, r: F.cross_entropy(a, b, reduction=r), scores, probabilities(5, 4), True)
case("ce_smooth", lambda a, b, r: F.cross_entropy(a, b.long(), reduction=r, label_smoothing=0.2),
     scores, labels.double(), False)
case("ce_weight", lambda a, b, r: F.cross_entropy(a, b.long(), reduction=r, weight=weight),
     scores, labels.double(), False, weight=weight)
case("ce_weight_smooth",
     lambda a, b, r: F.cross_entropy(a, b.long(), reduction=r, weight=weight, label_smoothing=0.2),
     scores, labels.double(), False, weight=weight)
case("ce_prob_weight_smooth",
     lambda a, b, r: F.cross_entropy(a, b, reduction=r, weight=weight, label_smoothing=0.2),
     scores, probabilities(5, 4), True, weight=weight)
# Classes along dimension 1 of [N, C, d]: one score vector per position.
case("ce_spatial", lambda a, b, r: F.cross_entropy(a, b.long(), reduction=r),
     torch.randn(2, 4, 3), torch.randint(0, 4, (2, 3)).double(), False)
log_probs = torch.log_softmax(torch.randn(5, 4), dim=1)
case("nll", lambda a, b, r: F.nll_loss(a, b.long(), reduction=r), log_probs, labels.double(), False)
case("nll_weight", lambda a, b, r: F.nll_loss(a, b.long(), reduction=r, weight=weight),
     log_probs, labels.double(), False, weight=weight)

# Multiclass hinge, PyTorch's convention (divided by the number of classes), margin 1 and 0.5.
case("multimargin", lambda a, b, r: F.multi_margin_loss(a, b.long(), reduction=r),
     scores, labels.double(), False)
case("multimargin_half", lambda a, b, r: F.multi_margin_loss(a, b.long(), margin=0.5, reduction=r),
     scores, labels.double(), False)

# Triplet margin loss with plain Euclidean distances (p = 2, eps = 1e-6), margin 1.
anchor, positive, negative = torch.randn(6, 3), torch.randn(6, 3), torch.randn(6, 3)
negative[:2] = anchor[:2] + 3.0  # far negatives: these two triplets cost 0
print("# triplet")
emit("triplet.anchor", anchor)
emit("triplet.positive", positive)
emit("triplet.negative", negative)
for reduction in ("mean", "sum", "none"):
    emit("triplet." + reduction, F.triplet_margin_loss(anchor, positive, negative, margin=1.0, reduction=reduction))
a, q, n = (v.clone().requires_grad_() for v in (anchor, positive, negative))
F.triplet_margin_loss(a, q, n, margin=1.0).backward()
emit("triplet.grad_anchor", a.grad)
emit("triplet.grad_positive", q.grad)
emit("triplet.grad_negative", n.grad)
