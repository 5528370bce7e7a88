package dev.patchbay.processor.contracts;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** The immutable result of validating one element: the findings, in the order they were made. */
final class ValidationReport {
  private final List<Finding> findings;

  private ValidationReport(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  static Builder builder() {
    return new Builder();
  }

  List<Finding> findings() {
    return findings;
  }

  /** True when no finding is an error (warnings and notes do not stop generation). */
  boolean isClean() {
    return findings.stream().noneMatch(f -> f.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every finding, anchored on its element, annotation and value. */
  void printTo(Messager messager, RepeatedAnnotationAnchor anchor) {
    for (Finding f : findings) {
      if (anchor.tryPrint(f)) {
        continue;
      }
      if (f.value() != null) {
        messager.printMessage(f.kind(), f.message(), f.element(), f.annotation(), f.value());
      } else if (f.annotation() != null) {
        messager.printMessage(f.kind(), f.message(), f.element(), f.annotation());
      } else {
        messager.printMessage(f.kind(), f.message(), f.element());
      }
    }
  }

  /** Collects findings; validators hand out only the built, immutable report. */
  static final class Builder {
    private final List<Finding> findings = new ArrayList<>();

    Builder add(Finding finding) {
      findings.add(finding);
      return this;
    }

    Builder addAll(ValidationReport other) {
      findings.addAll(other.findings);
      return this;
    }

    ValidationReport build() {
      return new ValidationReport(findings);
    }
  }
}
