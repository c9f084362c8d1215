package org.jgrad.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps the layer picture of {@code DESIGN.md} the picture of the code: a layer only uses the
 * layers below it, core depends on nothing but the JDK, {@code jdk.incubator} stays inside the
 * SIMD backend, and every package says what it is in a {@code package-info.java}.
 *
 * <p>Layers, bottom to top: kernels ({@code org.jgrad.backend}); tensor and autograd (the root
 * package {@code org.jgrad} with {@code org.jgrad.autograd}: {@code x.add(y)} records a graph
 * node and the nodes are made of tensors, so the two are one layer); then nn, optim, data,
 * train and io. The upper layers are optional so that this test passes before their packages
 * exist and guards them from the first class on.
 */
@AnalyzeClasses(packages = "org.jgrad", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerTest {

    private static final String KERNELS = "kernels";
    private static final String TENSOR = "tensor+autograd";
    private static final String NN = "nn";
    private static final String OPTIM = "optim";
    private static final String DATA = "data";
    private static final String TRAIN = "train";
    private static final String IO = "io";

    /** Where the Vector API backend lives; the only place allowed to import {@code jdk.incubator}. */
    private static final String SIMD = "org.jgrad.backend.simd..";

    /**
     * Guards the guards: if the class files cannot be read (an ArchUnit whose ASM predates the
     * class-file version javac wrote logs a warning and imports nothing), every rule below
     * would pass on an empty set. The layers nn … io are optional, so this must be explicit.
     */
    @ArchTest
    static void importsTheCoreClasses(JavaClasses classes) {
        for (String name : List.of("org.jgrad.Tensor", "org.jgrad.autograd.Engine", "org.jgrad.backend.Backend")) {
            if (!classes.contain(name)) {
                throw new AssertionError("the ArchUnit import of jgrad-core misses " + name + " (" + classes.size()
                        + " classes imported); is the class-file version newer than ArchUnit's ASM supports?");
            }
        }
        for (JavaClass c : classes) {
            if (c.getSource().map(s -> s.getUri().toString().contains("test-classes")).orElse(false)) {
                throw new AssertionError("test class imported: " + c.getName());
            }
        }
    }

    @ArchTest
    static final ArchRule layersOnlyUseLayersBelow = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(KERNELS).definedBy("org.jgrad.backend..")
            .layer(TENSOR).definedBy("org.jgrad", "org.jgrad.autograd..")
            .optionalLayer(NN).definedBy("org.jgrad.nn..")
            .optionalLayer(OPTIM).definedBy("org.jgrad.optim..")
            .optionalLayer(DATA).definedBy("org.jgrad.data..")
            .optionalLayer(TRAIN).definedBy("org.jgrad.train..")
            .optionalLayer(IO).definedBy("org.jgrad.io..")
            .whereLayer(KERNELS).mayNotAccessAnyLayer()
            .whereLayer(TENSOR).mayOnlyAccessLayers(KERNELS)
            .whereLayer(NN).mayOnlyAccessLayers(KERNELS, TENSOR)
            .whereLayer(OPTIM).mayOnlyAccessLayers(KERNELS, TENSOR, NN)
            .whereLayer(DATA).mayOnlyAccessLayers(KERNELS, TENSOR, NN, OPTIM)
            .whereLayer(TRAIN).mayOnlyAccessLayers(KERNELS, TENSOR, NN, OPTIM, DATA)
            .whereLayer(IO).mayOnlyAccessLayers(KERNELS, TENSOR, NN, OPTIM, DATA, TRAIN)
            // A package that is in no layer would escape the rules above: add it to DESIGN.md and here.
            .ensureAllClassesAreContainedInArchitecture()
            .because("DESIGN.md: data flows upward; a layer only calls the layers below it");

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheJdk = noClasses()
            .that().resideOutsideOfPackage(SIMD)
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.jgrad..")
            .because("DESIGN.md: jgrad-core has no runtime dependency at all");

    @ArchTest
    static final ArchRule simdBackendDependsOnlyOnTheJdkAndTheVectorApi = noClasses()
            .that().resideInAPackage(SIMD)
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.jgrad..", "jdk.incubator.vector..")
            .allowEmptyShould(true)
            .because("DESIGN.md: jgrad-core has no runtime dependency; the SIMD backend adds only the Vector API");

    @ArchTest
    static final ArchRule incubatorOnlyInSimdBackend = noClasses()
            .that().resideOutsideOfPackage(SIMD)
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator..")
            .because("STYLE.md: a build check keeps jdk.incubator imports inside the Vector API backend,"
                    + " which is loaded by class name only when the module is present");

    @ArchTest
    static final ArchRule simdBackendIsLoadedByNameOnly = noClasses()
            .that().resideOutsideOfPackage(SIMD)
            .should().dependOnClassesThat().resideInAPackage(SIMD)
            .because("STYLE.md: the Vector API backend is loaded by class name, so the rest of core links"
                    + " without jdk.incubator.vector");

    /**
     * Every package of jgrad-core's main code has a {@code package-info.java} (STYLE.md: it says
     * what lives there and what it may import). Checked on the source tree, because javac need
     * not write a {@code package-info.class}; the packages are those of the imported classes and
     * every source folder holding a {@code .java} file.
     */
    @ArchTest
    static void everyPackageHasPackageInfo(JavaClasses classes) {
        Path sources = mainSources(classes);
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> sources.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packages.remove("");  // the source root itself, where module-info.java lives
        List<String> missing = packages.stream()
                .filter(p -> !Files.isRegularFile(sources.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("packages without package-info.java under " + sources + ": " + missing);
        }
    }

    /**
     * {@code src/main/java} of jgrad-core, found from where {@code org.jgrad.Tensor} was loaded
     * ({@code <module>/target/classes}), else from the working directory (Maven runs tests in
     * the module folder; an IDE may run them in the repository root).
     */
    private static Path mainSources(JavaClasses classes) {
        // .../jgrad-core/target/classes/org/jgrad/Tensor.class -> .../jgrad-core/src/main/java
        Optional<Path> fromClasses = Optional.of("org.jgrad.Tensor").filter(classes::contain)
                .flatMap(name -> classes.get(name).getSource())
                .map(source -> source.getUri())
                .filter(uri -> "file".equals(uri.getScheme()))
                .map(uri -> Path.of(uri).getParent().getParent().getParent().getParent().getParent())
                .map(module -> module.resolve("src/main/java"));
        Stream<Path> candidates = Stream.concat(fromClasses.stream(),
                Stream.of(Path.of("src/main/java"), Path.of("jgrad-core/src/main/java")));
        return candidates.map(Path::toAbsolutePath)
                .filter(p -> Files.isRegularFile(p.resolve("org/jgrad/Tensor.java")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("cannot find jgrad-core's src/main/java (looked beside "
                        + fromClasses.orElse(null) + " and in " + Path.of("").toAbsolutePath() + ")"));
    }
}
