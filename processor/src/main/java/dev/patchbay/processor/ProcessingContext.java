package dev.patchbay.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * What the steps of one processor instance share: the processing environment, options, and the
 * set of classes some step found invalid (generators leave those out).
 *
 * <p>One instance per processor instance; nothing here is static, so a processor reused in one
 * JVM starts clean.
 */
final class ProcessingContext {
  /** Option that prints a note for every registered plugin. */
  static final String DEBUG_OPTION = "patchbay.debug";

  private final ProcessingEnvironment env;
  private final Set<String> invalidTypes = new HashSet<>();

  ProcessingContext(ProcessingEnvironment env) {
    this.env = env;
  }

  ProcessingEnvironment env() {
    return env;
  }

  Elements elements() {
    return env.getElementUtils();
  }

  Types types() {
    return env.getTypeUtils();
  }

  Filer filer() {
    return env.getFiler();
  }

  Messager messager() {
    return env.getMessager();
  }

  boolean debug() {
    return Boolean.parseBoolean(env.getOptions().get(DEBUG_OPTION));
  }

  /** Records that {@code type} broke a rule, so no step generates code that relies on it. */
  void markInvalid(TypeElement type) {
    invalidTypes.add(type.getQualifiedName().toString());
  }

  /** Tells whether any step reported {@code type} as breaking a rule. */
  boolean isInvalid(TypeElement type) {
    return invalidTypes.contains(type.getQualifiedName().toString());
  }

  /**
   * Reports a failure of Patchbay itself (never a user error) as one error with the stack trace,
   * so javac goes on and the user can file a useful bug report.
   */
  void reportInternalError(Element element, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String where = element == null ? "" : " while processing " + element;
    messager().printMessage(Diagnostic.Kind.ERROR,
        "[patchbay] internal error" + where + ". This is a bug in Patchbay, not in your code;"
            + " please report it with this stack trace:\n" + trace, element);
  }
}
