package dev.patchbay.processor.validation;

import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Prints {@link ValidationReport}s: the one place where the processor's diagnostics reach the
 * compiler. Each item goes to the narrowest place it is anchored on (element, annotation,
 * attribute value), and to the written annotation when it is one of several repeated ones.
 */
public final class ReportPrinter {
  private final Messager messager;
  private final RepeatedAnnotationAnchor anchor;

  /**
   * Creates the printer of one processor instance.
   *
   * @param env the processing environment
   */
  public ReportPrinter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.anchor = RepeatedAnnotationAnchor.of(env);
  }

  /**
   * Prints every item of {@code report}, in order.
   *
   * @param report a finished report
   */
  public void print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      if (anchor.tryPrint(item)) {
        continue;
      }
      if (item.element() == null) {
        messager.printMessage(item.kind(), item.message());
      } else if (item.value() != null) {
        messager.printMessage(
            item.kind(), item.message(), item.element(), item.annotation(), item.value());
      } else if (item.annotation() != null) {
        messager.printMessage(item.kind(), item.message(), item.element(), item.annotation());
      } else {
        messager.printMessage(item.kind(), item.message(), item.element());
      }
    }
  }
}
