package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.RuleReader;
import dev.patchbay.processor.reading.Suppressions;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Finds the forgotten registration: a class that could be a plugin of an extension point but
 * carries no {@code @Plugin}, so it silently never shows up in the registry.
 */
public final class RegistrationValidator {
  private final RuleReader reader;

  /**
   * Creates a validator.
   *
   * @param reader the rule reader of the same compilation, which finds extension points
   */
  public RegistrationValidator(RuleReader reader) {
    this.reader = reader;
  }

  /**
   * Checks one class of this compilation for a forgotten {@code @Plugin}.
   *
   * @param type any type
   * @return a warning when it implements an extension point without {@code @Plugin}
   */
  public ValidationReport validate(TypeElement type) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (!couldBePlugin(type) || AnnotationMirrors.has(type, TypeNames.PLUGIN)
        || AnnotationMirrors.isExtensionPoint(type) || Suppressions.isSuppressed(type)) {
      return report.build();
    }
    List<TypeElement> extensionPoints = reader.extensionPointsOf(type);
    if (!extensionPoints.isEmpty()) {
      String name = ContractValidator.displayName(type);
      // One warning per class, naming the first extension point: it is one missing annotation.
      report.warning(Message.NOT_REGISTERED.format(name,
          ContractValidator.displayName(extensionPoints.get(0)), name), type, null);
    }
    return report.build();
  }

  /**
   * Only classes {@code @Plugin} would accept are worth a warning: public, concrete, top-level or
   * static nested. Abstract bases, private helpers and inner classes are left alone.
   */
  private static boolean couldBePlugin(TypeElement type) {
    boolean classKind = type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
    boolean reachable = type.getNestingKind() == NestingKind.TOP_LEVEL
        || (type.getNestingKind() == NestingKind.MEMBER
            && type.getModifiers().contains(Modifier.STATIC)
            && publicAllTheWayOut(type));
    return classKind && reachable
        && type.getModifiers().contains(Modifier.PUBLIC)
        && !type.getModifiers().contains(Modifier.ABSTRACT);
  }

  private static boolean publicAllTheWayOut(TypeElement type) {
    return type.getEnclosingElement() instanceof TypeElement outer
        ? outer.getModifiers().contains(Modifier.PUBLIC)
            && (outer.getNestingKind() == NestingKind.TOP_LEVEL || publicAllTheWayOut(outer))
        : true;
  }
}
