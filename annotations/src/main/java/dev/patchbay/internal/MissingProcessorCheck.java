package dev.patchbay.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Fails a compilation that uses Patchbay's annotations without the Patchbay processor.
 *
 * <p>This class ships in {@code patchbay-annotations}, the jar every user compiles against, and is
 * registered as a {@code javax.annotation.processing.Processor} service. javac runs it in two
 * situations: it was found on the annotation processor path, where {@code patchbay-processor}
 * brings it along as a dependency (then the real processor sits beside it and this check says
 * nothing), or the build names no processor path at all and javac, up to JDK 22, searches the
 * class path. In the second case the real processor is not there, no registry is generated and no
 * rule is checked; without this check, code that does not refer to a generated registry would
 * build green and find no plugins at run time.
 *
 * <p>It never claims an annotation, so the real processor sees every one of them.
 */
public final class MissingProcessorCheck extends AbstractProcessor {
  /** The processor whose absence this class reports. */
  static final String PROCESSOR = "dev.patchbay.processor.PatchbayProcessor";

  /** The error; {@code %s}: the annotation, the kind and name of the type, how many others. */
  public static final String MISSING_PROCESSOR = "@%s %s %s%s is compiled without the Patchbay"
      + " annotation processor, so no registry, service file or plugin index is generated and no"
      + " Patchbay rule is checked. Put dev.patchbay:patchbay-processor on the annotation"
      + " processor path: with Maven, maven-compiler-plugin 3.8.0 or newer and"
      + " <annotationProcessorPaths><path>dev.patchbay:patchbay-processor</path>"
      + "</annotationProcessorPaths>; with Gradle, annotationProcessor"
      + " 'dev.patchbay:patchbay-processor:<version>'. (This check ships in patchbay-annotations:"
      + " javac found it where it looks for processors, but not the Patchbay processor.)";

  private static final List<String> CHECKED =
      List.of("dev.patchbay.Plugin", "dev.patchbay.ExtensionPoint", "dev.patchbay.Contract");

  // Per instance, never static: javac may reuse a processor class within one JVM.
  private Boolean processorPresent;
  private boolean reported;

  /** Creates the check; javac calls this through {@link java.util.ServiceLoader}. */
  public MissingProcessorCheck() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.copyOf(CHECKED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reported || annotations.isEmpty() || processorPresent()) {
      return false;
    }
    List<Element> annotated = new ArrayList<>();
    TypeElement first = null;
    for (String name : CHECKED) {
      for (TypeElement annotation : annotations) {
        if (annotation.getQualifiedName().contentEquals(name)) {
          if (first == null) {
            first = annotation;
          }
          annotated.addAll(round.getElementsAnnotatedWith(annotation));
        }
      }
    }
    if (annotated.isEmpty()) {
      return false;
    }
    // One error per compilation, on the first class: the fix is the same for all of them.
    Element anchor = annotated.get(0);
    int others = annotated.size() - 1;
    String more = others == 0 ? ""
        : String.format(Locale.ROOT, " (and %d other type%s)", others, others == 1 ? "" : "s");
    String qualified = anchor instanceof TypeElement type
        ? type.getQualifiedName().toString() : anchor.toString();
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        String.format(Locale.ROOT, MISSING_PROCESSOR,
            annotationOf(anchor), kindOf(anchor), qualified, more),
        anchor);
    reported = true;
    // Claims nothing: were the real processor to run after all, it must see every annotation.
    return false;
  }

  private static String kindOf(Element element) {
    return switch (element.getKind()) {
      case INTERFACE -> "interface";
      case ANNOTATION_TYPE -> "annotation type";
      default -> "class";
    };
  }

  /** The simple name of the first checked annotation on {@code element}. */
  private static String annotationOf(Element element) {
    for (var mirror : element.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName().toString();
      if (CHECKED.contains(name)) {
        return name.substring(name.lastIndexOf('.') + 1);
      }
    }
    return "Plugin";
  }

  /** Whether the real processor can be loaded from where javac loaded this check. */
  private boolean processorPresent() {
    if (processorPresent == null) {
      boolean found;
      try {
        Class.forName(PROCESSOR, /* initialize= */ false, getClass().getClassLoader());
        found = true;
      } catch (ClassNotFoundException | LinkageError e) {
        found = false;
      }
      processorPresent = found;
    }
    return processorPresent;
  }
}
