package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Errors name the op, the shapes and the argument; tests assert on message fragments. */
class ErrorMessageTest {

    private static final Tensor A23 = Tensor.zeros(DType.FLOAT64, 2, 3);

    private static void assertMessage(Class<? extends Throwable> type, String fragment, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                () -> "expected a message containing \"" + fragment + "\", got \"" + e.getMessage() + "\"");
    }

    @Test
    void matmulNamesBothShapesAndTheInnerDimensions() {
        assertMessage(IllegalArgumentException.class,
                "matmul: cannot multiply [2, 3] by [4, 5]: inner dimensions 3 and 4 differ",
                () -> A23.matmul(Tensor.zeros(4, 5)));
        assertMessage(IllegalArgumentException.class,
                "matmul: cannot multiply [3] by [4]: inner dimensions 3 and 4 differ",
                () -> Tensor.zeros(3).matmul(Tensor.zeros(4)));
        assertMessage(IllegalArgumentException.class,
                "matmul: cannot multiply [2, 3] by [2, 2, 5]: inner dimensions 3 and 2 differ",
                () -> A23.matmul(Tensor.zeros(2, 2, 5)));
        assertMessage(IllegalArgumentException.class, "matmul: shapes [2] and [3] are not broadcastable (dim 0: 2 vs 3)",
                () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 5)));
        assertMessage(IllegalArgumentException.class, "matmul: both arguments need at least one dimension",
                () -> Tensor.scalar(1).matmul(Tensor.zeros(3)));
    }

    @Test
    void broadcastingErrorsNameTheOpTheShapesAndTheDimension() {
        Tensor four = Tensor.zeros(4);
        assertMessage(IllegalArgumentException.class, "add: shapes [2, 3] and [4] are not broadcastable (dim 1: 3 vs 4)",
                () -> A23.add(four));
        assertMessage(IllegalArgumentException.class, "sub: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.sub(four));
        assertMessage(IllegalArgumentException.class, "mul: shapes [4] and [2, 3] are not broadcastable (dim 1: 4 vs 3)",
                () -> four.mul(A23));
        assertMessage(IllegalArgumentException.class, "div: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.div(four));
        assertMessage(IllegalArgumentException.class, "pow: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.pow(four));
        assertMessage(IllegalArgumentException.class, "maximum: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.maximum(four));
        assertMessage(IllegalArgumentException.class, "minimum: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.minimum(four));
        assertMessage(IllegalArgumentException.class, "lt: shapes [2, 3] and [4] are not broadcastable",
                () -> A23.lt(four));
        assertMessage(IllegalArgumentException.class, "where: shapes [2, 3] and [4] are not broadcastable",
                () -> Tensor.where(A23, four, Tensor.scalar(0)));
        assertMessage(IllegalArgumentException.class, "add: shapes [2, 1, 3] and [4, 2] are not broadcastable (dim 2: 3 vs 2)",
                () -> Tensor.zeros(2, 1, 3).add(Tensor.zeros(4, 2)));
    }

    @Test
    void backwardFromANonScalarAsksForAGradient() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad();
        assertMessage(IllegalStateException.class,
                "backward() needs a scalar output, got shape [2, 3]; pass a gradient of that shape",
                () -> x.mul(2.0).backward());
    }

    @Test
    void backwardMisuseIsAnIllegalState() {
        assertMessage(IllegalStateException.class, "backward: the tensor does not require grad",
                () -> Tensor.scalar(1).exp().backward());
        Tensor x = Tensor.scalar(2.0, DType.FLOAT64).requiresGrad();
        Tensor y = x.exp();
        y.backward();
        assertMessage(IllegalStateException.class, "was already freed by an earlier backward()", y::backward);
        assertMessage(IllegalArgumentException.class,
                "backward: gradient of shape [3] does not match the output's shape [2, 3]",
                () -> Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad().exp().backward(Tensor.zeros(3)));
    }

    @Test
    void indexOutOfRangeNamesTheIndexTheDimensionAndItsSize() {
        Tensor index = Tensor.of(new long[] {0, 3}).reshape(1, 2);
        assertMessage(IllegalArgumentException.class, "gather: index 3 is out of range for dimension 1 of size 3",
                () -> A23.gather(1, index));
        assertMessage(IllegalArgumentException.class, "gather: index -1 is out of range for dimension 0 of size 2",
                () -> A23.gather(0, Tensor.of(new long[] {-1}).reshape(1, 1)));
        assertMessage(IllegalArgumentException.class, "gather: index must be an int64 tensor, got float32",
                () -> A23.gather(1, Tensor.zeros(1, 2)));
        assertMessage(IllegalArgumentException.class, "scatterAdd: index 3 is out of range for dimension 1 of size 3",
                () -> A23.scatterAdd(1, index, Tensor.ones(DType.FLOAT64, 1, 2)));
        assertMessage(IllegalArgumentException.class, "indexSelect: index 5 is out of range for dimension 0 of size 2",
                () -> A23.indexSelect(0, Tensor.of(new long[] {1, 5})));
        assertMessage(IllegalArgumentException.class,
                "gather: index of shape [3, 1] does not fit a tensor of shape [2, 3] along dimension 1",
                () -> A23.gather(1, Tensor.of(new long[] {0, 0, 0}).reshape(3, 1)));
    }

    @Test
    void gatherOnAScalarFailsWithAnArgumentError() {
        Tensor scalar = Tensor.scalar(1.0, DType.FLOAT64);
        assertMessage(IllegalArgumentException.class, "gather",
                () -> scalar.gather(0, Tensor.of(new long[] {0}).reshape()));
    }

    @Test
    void reducingAnEmptyDimensionToAnExtremumFails() {
        assertMessage(IllegalArgumentException.class, "amax: cannot reduce dimension 1 of size 0 (shape [2, 0])",
                () -> Tensor.zeros(2, 0).amax(new int[] {1}, false));
        assertMessage(IllegalArgumentException.class, "max: cannot reduce", () -> Tensor.zeros(2, 0).max(1, false));
        assertMessage(IllegalArgumentException.class, "argmax: cannot reduce", () -> Tensor.zeros(2, 0).argmax(1, false));
    }

    @Test
    void reshapeWithTheWrongNumberOfElementsNamesBothShapes() {
        assertMessage(IllegalArgumentException.class,
                "reshape: shape [4, 2] is invalid for a tensor of shape [2, 3] (6 elements)", () -> A23.reshape(4, 2));
        assertMessage(IllegalArgumentException.class,
                "reshape: shape [-1, 4] is invalid for a tensor of shape [2, 3] (6 elements)", () -> A23.reshape(-1, 4));
        assertMessage(IllegalArgumentException.class, "reshape: only one dimension can be -1, got [-1, -1]",
                () -> A23.reshape(-1, -1));
        assertMessage(IllegalArgumentException.class, "view: shape [5] is invalid for a tensor of shape [2, 3]",
                () -> A23.view(5));
        assertMessage(IllegalStateException.class, "use reshape() to copy", () -> A23.t().view(6));
    }

    @Test
    void dimensionOutOfRangeNamesTheOpAndTheValidRange() {
        assertMessage(IllegalArgumentException.class,
                "sum: dimension 2 is out of range for a tensor of rank 2 (expected -2 to 1)", () -> A23.sum(2));
        assertMessage(IllegalArgumentException.class,
                "sum: dimension -3 is out of range for a tensor of rank 2 (expected -2 to 1)",
                () -> A23.sum(new int[] {0, -3}, false));
        assertMessage(IllegalArgumentException.class, "mean: dimension 1 appears more than once in [1, -1]",
                () -> A23.mean(new int[] {1, -1}, false));
        assertMessage(IllegalArgumentException.class, "amax: dimension 2 is out of range", () -> A23.amax(new int[] {2}, false));
        // softmax reports the logSoftmax it delegates to; the dimension and rank are what matter.
        assertMessage(IllegalArgumentException.class, "dimension 2 is out of range for a tensor of rank 2",
                () -> A23.softmax(2));
        assertMessage(IllegalArgumentException.class, "permute: dimension 5 is out of range",
                () -> A23.permute(0, 5));
        assertMessage(IllegalArgumentException.class, "transpose: dimension 2 is out of range",
                () -> A23.transpose(0, 2));
    }

    @Test
    void otherArgumentErrors() {
        assertMessage(IllegalArgumentException.class, "expand: cannot expand shape [2, 3] to [2, 4] (dim 1)",
                () -> A23.expand(2, 4));
        assertMessage(IllegalArgumentException.class, "clamp: low 1.0 is above high 0.0", () -> A23.clamp(1, 0));
        assertMessage(IllegalArgumentException.class, "slice: step must be positive, got 0",
                () -> A23.slice(1, 0, 3, 0));
        assertMessage(IllegalArgumentException.class,
                "concat: tensor 1 has shape [2, 4], which does not match [2, 3] outside dimension 0",
                () -> Tensor.concat(0, A23, Tensor.zeros(2, 4)));
        assertMessage(IllegalArgumentException.class, "stack: tensor 1 has shape [3, 2], expected [2, 3]",
                () -> Tensor.stack(0, A23, Tensor.zeros(3, 2)));
        assertMessage(IllegalArgumentException.class, "split: sizes [1, 1] do not add up to 3",
                () -> A23.split(new int[] {1, 1}, 1));
        assertMessage(IllegalArgumentException.class, "narrow: [2, 4) is out of range for dimension 1 of size 3",
                () -> A23.narrow(1, 2, 2));
    }
}
