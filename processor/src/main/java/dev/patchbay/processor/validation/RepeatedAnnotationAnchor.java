package dev.patchbay.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.patchbay.processor.reading.AnnotationMirrors;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Points a diagnostic at one of several repeated annotations ({@code @RequireMethod} written
 * twice), which javac cannot do from the mirror alone: it stores them in a synthesized container
 * that has no source position, and would point at the class name instead.
 *
 * <p>Uses javac's tree API when it is there; elsewhere (another compiler, or a build tool that
 * wraps the processing environment) it declines and the caller anchors on the element as usual.
 */
final class RepeatedAnnotationAnchor {
  private final Trees trees;

  private RepeatedAnnotationAnchor(Trees trees) {
    this.trees = trees;
  }

  static RepeatedAnnotationAnchor of(ProcessingEnvironment env) {
    try {
      return new RepeatedAnnotationAnchor(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return new RepeatedAnnotationAnchor(null);
    }
  }

  /**
   * Prints {@code finding} at the written annotation (and attribute) when its mirror sits inside a
   * container; returns false when it did not print, so the caller prints it the usual way.
   */
  boolean tryPrint(ValidationReport.Item finding) {
    if (trees == null || finding.element() == null || finding.annotation() == null
        || finding.element().getAnnotationMirrors().contains(finding.annotation())) {
      return false;
    }
    try {
      int index = indexInContainer(finding);
      TreePath classPath = index < 0 ? null : trees.getPath(finding.element());
      if (classPath == null || !(classPath.getLeaf() instanceof ClassTree type)) {
        return false;
      }
      AnnotationTree written = nthWritten(type, AnnotationMirrors.typeName(finding.annotation()),
          index, new TreePath(classPath, type.getModifiers()));
      if (written == null) {
        return false;
      }
      Tree target = finding.value() == null ? written : attribute(written, finding);
      trees.printMessage(finding.kind(), finding.message(), target,
          classPath.getCompilationUnit());
      return true;
    } catch (RuntimeException | LinkageError unexpected) {
      // Better a diagnostic on the class than none at all.
      return false;
    }
  }

  /** Position of the finding's mirror among the repeated annotations of its type. */
  private static int indexInContainer(ValidationReport.Item finding) {
    for (AnnotationMirror container : finding.element().getAnnotationMirrors()) {
      List<AnnotationValue> items =
          AnnotationMirrors.list(AnnotationMirrors.explicitValue(container, "value").orElse(null));
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).getValue().equals(finding.annotation())) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The {@code index}-th annotation of type {@code qualifiedName} written on the class. */
  private AnnotationTree nthWritten(
      ClassTree type, String qualifiedName, int index, TreePath modifiers) {
    int seen = 0;
    for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
      TypeMirror mirror = trees.getTypeMirror(
          new TreePath(new TreePath(modifiers, annotation), annotation.getAnnotationType()));
      boolean sameType = mirror instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(qualifiedName);
      if (sameType && seen++ == index) {
        return annotation;
      }
    }
    return null;
  }

  /** The written value of the attribute the finding is about, or the annotation itself. */
  private static Tree attribute(AnnotationTree written, ValidationReport.Item finding) {
    String name = null;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        finding.annotation().getElementValues().entrySet()) {
      if (entry.getValue().equals(finding.value())) {
        name = entry.getKey().getSimpleName().toString();
      }
    }
    for (ExpressionTree argument : written.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable().toString().equals(name)) {
        return assignment.getExpression();
      }
    }
    return written;
  }
}
