package dev.patchbay.processor.base;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.patchbay.processor.reading.AnnotationMirrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The one rule every step uses to decide that a class cannot be looked at yet: something it
 * refers to does not resolve, typically because another processor generates it in a later round.
 *
 * <p>Steps must agree on this. When one step waited for a contract annotation while another
 * registered the same class in that round, a plugin the first step later rejected had already
 * reached a registry.
 */
public final class DeferralRule {
  private final Types types;
  /** javac's tree API, or null under another compiler (ECJ reports such annotations itself). */
  private final Trees trees;

  /**
   * Creates the rule for one compilation.
   *
   * @param env the processing environment
   */
  public DeferralRule(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /**
   * The types {@code type} refers to that do not resolve (yet), written as in the source: its
   * annotations, its supertypes at any depth, and the parameter classes of the
   * {@code @RequireConstructor} rules on it and on its supertypes.
   *
   * @param type a class, interface or annotation type
   * @return the unresolved names, empty when the type can be processed now
   */
  public Set<String> unresolvedTypes(TypeElement type) {
    Set<String> unresolved = new LinkedHashSet<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        unresolved.add(mirror.getAnnotationType().toString());
      }
    }
    unresolvedInSource(type, unresolved);
    collect(type, unresolved, new HashSet<>());
    return unresolved;
  }

  /**
   * Whether {@code type} must wait for a later round.
   *
   * @param type a class, interface or annotation type
   * @return true when {@link #unresolvedTypes} is not empty
   */
  public boolean mustDefer(TypeElement type) {
    return !unresolvedTypes(type).isEmpty();
  }

  /**
   * javac leaves an annotation whose type does not resolve out of the element's mirrors (ECJ
   * gives it an error type instead), so under javac the source tree is asked.
   */
  private void unresolvedInSource(TypeElement type, Set<String> unresolved) {
    if (trees == null) {
      return;
    }
    try {
      TreePath path = trees.getPath(type);
      if (path == null || !(path.getLeaf() instanceof ClassTree declaration)) {
        return; // from a class file: it compiled, so its annotations resolved
      }
      TreePath modifiers = new TreePath(path, declaration.getModifiers());
      for (AnnotationTree annotation : declaration.getModifiers().getAnnotations()) {
        TypeMirror mirror = trees.getTypeMirror(
            new TreePath(new TreePath(modifiers, annotation), annotation.getAnnotationType()));
        // Not attributed (null) counts as resolved: waiting on it could only end in a false error.
        if (mirror != null && mirror.getKind() == TypeKind.ERROR) {
          unresolved.add(annotation.getAnnotationType().toString());
        }
      }
    } catch (RuntimeException | LinkageError unexpected) {
      // The tree API is an aid; without it the element's own mirrors decide.
    }
  }

  private void collect(TypeElement type, Set<String> unresolved, Set<String> seen) {
    if (!seen.add(type.getQualifiedName().toString())) {
      return;
    }
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() == TypeKind.ERROR) {
        unresolved.add(supertype.toString());
      } else if (supertype.getKind() == TypeKind.DECLARED) {
        collect((TypeElement) types.asElement(supertype), unresolved, seen);
      }
    }
    for (AnnotationMirror rule : AnnotationMirrors.repeated(
        type, TypeNames.REQUIRE_CONSTRUCTOR, TypeNames.REQUIRE_CONSTRUCTOR_LIST)) {
      // Explicit values only: defaults resolve by definition (they are in a class file).
      for (AnnotationValue parameter : AnnotationMirrors.list(
          AnnotationMirrors.explicitValue(rule, "parameters").orElse(null))) {
        // An unresolvable class literal reads as an error type, or as the string "<error>".
        if (!(parameter.getValue() instanceof TypeMirror mirror)
            || mirror.getKind() == TypeKind.ERROR) {
          unresolved.add(String.valueOf(parameter.getValue()));
        }
      }
    }
  }
}
