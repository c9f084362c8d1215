package org.jgrad.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The IDX image sets with their published train/test division: MNIST (LeCun, Cortes and
 * Burges) and Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017; MIT licence),
 * from a folder holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each plain or with
 * {@code .gz}. Debian's {@code dataset-fashion-mnist} installs Fashion-MNIST in
 * {@code /usr/share/datasets/fashion-mnist/}.
 */
public final class ImageDataSets {

    /** Fashion-MNIST's ten classes, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's ten digits, in label order. */
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private ImageDataSets() {}

    /** Fashion-MNIST from {@code dir}: 60,000 training and 10,000 test images of 28 x 28 pixels. */
    public static TrainTest fashionMnist(Path dir) throws IOException {
        return read(dir, FASHION_MNIST_CLASSES);
    }

    /** MNIST from {@code dir}: 60,000 training and 10,000 test images of 28 x 28 pixels. */
    public static TrainTest mnist(Path dir) throws IOException {
        return read(dir, MNIST_CLASSES);
    }

    private static TrainTest read(Path dir, List<String> classes) throws IOException {
        DataSet train = Idx.read(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"), classes);
        DataSet test = Idx.read(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"), classes);
        return new TrainTest(train, test);
    }

    /** {@code dir/name.gz}, else {@code dir/name}. */
    private static Path find(Path dir, String name) throws NoSuchFileException {
        for (String candidate : List.of(name + ".gz", name)) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new NoSuchFileException(dir.resolve(name).toString(), null, "neither it nor " + name
                + ".gz is there");
    }
}
