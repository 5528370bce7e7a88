package dev.patchbay.processor.base;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * What the steps of one processor instance share: the processing environment and options.
 * Steps hand each other results as typed values (see {@link dev.patchbay.processor.PatchbayProcessor}), not through here.
 *
 * <p>One instance per processor instance; nothing here is static, so a processor reused in one
 * JVM starts clean.
 */
public final class ProcessingContext {
  /** Option that prints a note for every registered plugin. */
  public static final String DEBUG_OPTION = "patchbay.debug";

  private final ProcessingEnvironment env;

  /**
   * Creates the context of one processor instance.
   *
   * @param env the environment javac gave the processor
   */
  public ProcessingContext(ProcessingEnvironment env) {
    this.env = env;
  }

  /** The processing environment javac gave the processor. */
  public ProcessingEnvironment env() {
    return env;
  }

  /** Element utilities of this compilation. */
  public Elements elements() {
    return env.getElementUtils();
  }

  /** Type utilities of this compilation. */
  public Types types() {
    return env.getTypeUtils();
  }

  /** The filer that every generated file goes through. */
  public Filer filer() {
    return env.getFiler();
  }

  /** The messager that every diagnostic goes through. */
  public Messager messager() {
    return env.getMessager();
  }

  /** Tells whether {@code -Apatchbay.debug=true} asks for a note per registered plugin. */
  public boolean debug() {
    return Boolean.parseBoolean(env.getOptions().get(DEBUG_OPTION));
  }

  /**
   * Reports a failure of Patchbay itself (never a user error) as one error with the stack trace,
   * so javac goes on and the user can file a useful bug report.
   */
  public void reportInternalError(Element element, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String where = element == null ? "" : " while processing " + element;
    messager().printMessage(Diagnostic.Kind.ERROR,
        "[patchbay] internal error" + where + ". This is a bug in Patchbay, not in your code;"
            + " please report it with this stack trace:\n" + trace, element);
  }
}
