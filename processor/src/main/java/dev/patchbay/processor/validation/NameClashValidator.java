package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.reading.AnnotationMirrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that names and aliases are unique among the plugins of one extension point.
 *
 * <p>Plugins are taken in order of their qualified names, so the first class keeps the name and
 * the error always lands on the same (later) class, whatever order javac found them in. Plugins
 * settled by an earlier compilation into the same output come first: the error lands on the class
 * compiled now, which has a source to point at.
 */
public final class NameClashValidator {
  private final Elements elements;

  /**
   * Creates a validator.
   *
   * @param elements element utilities, to find the elements to anchor errors on
   */
  public NameClashValidator(Elements elements) {
    this.elements = elements;
  }

  /**
   * The result of checking one extension point's plugins.
   *
   * @param report the clash errors
   * @param accepted the plugins that keep all their names, in qualified-name order
   */
  public record Result(ValidationReport report, List<PluginModel> accepted) {}

  /**
   * Validates the plugins of one extension point.
   *
   * @param extensionPoint qualified name of the extension point, for messages
   * @param plugins its plugins that passed their own checks
   * @return the errors and the plugins that may be registered
   */
  public Result validate(String extensionPoint, List<PluginModel> plugins) {
    return validate(extensionPoint, plugins, Set.of());
  }

  /**
   * Validates the plugins of one extension point, some of them from an earlier compilation.
   *
   * @param extensionPoint qualified name of the extension point, for messages
   * @param plugins its plugins that passed their own checks
   * @param settled qualified names of the plugins an earlier compilation registered, which keep
   *     their names
   * @return the errors and the plugins that may be registered
   */
  public Result validate(String extensionPoint, List<PluginModel> plugins, Set<String> settled) {
    ValidationReport.Builder report = ValidationReport.builder();
    List<PluginModel> sorted = new ArrayList<>(plugins);
    sorted.sort(Comparator.comparing((PluginModel p) -> !settled.contains(p.qualifiedName()))
        .thenComparing(PluginModel::qualifiedName));
    Map<String, PluginModel> owners = new HashMap<>();
    List<PluginModel> accepted = new ArrayList<>();
    for (PluginModel plugin : sorted) {
      boolean clean = true;
      for (String name : plugin.allNames()) {
        PluginModel owner = owners.get(name);
        if (owner != null && !owner.qualifiedName().equals(plugin.qualifiedName())) {
          clean = false;
          anchor(report, Message.PLUGIN_DUPLICATE_NAME.format(name, extensionPoint,
              owner.qualifiedName(), plugin.qualifiedName()), plugin, name);
        }
      }
      if (clean) {
        plugin.allNames().forEach(name -> owners.put(name, plugin));
        accepted.add(plugin);
      }
    }
    return new Result(report.build(), accepted);
  }

  /** Points at the annotation value that holds {@code name}, or at the annotation itself. */
  private void anchor(ValidationReport.Builder report, String message, PluginModel plugin, String name) {
    TypeElement element = elements.getTypeElement(plugin.qualifiedName());
    AnnotationMirror mirror = AnnotationMirrors.find(element, TypeNames.PLUGIN).orElseThrow();
    report.error(message, element, mirror, valueHolding(mirror, name).orElse(null));
  }

  private static Optional<AnnotationValue> valueHolding(AnnotationMirror mirror, String name) {
    Optional<AnnotationValue> value = AnnotationMirrors.explicitValue(mirror, "value")
        .filter(v -> name.equals(v.getValue()));
    if (value.isPresent()) {
      return value;
    }
    return AnnotationMirrors.explicitValue(mirror, "aliases").flatMap(aliases -> {
      Object items = aliases.getValue();
      if (items instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof AnnotationValue alias && name.equals(alias.getValue())) {
            return Optional.of(alias);
          }
        }
      }
      return Optional.empty();
    });
  }
}
