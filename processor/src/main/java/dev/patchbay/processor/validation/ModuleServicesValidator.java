package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.ConstructorRequirement;
import dev.patchbay.processor.reading.PluginReader;
import dev.patchbay.processor.reading.RuleReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that a named module declares the {@code provides} lines its plugins need: in a named
 * module {@link java.util.ServiceLoader} ignores {@code META-INF/services} and reads only
 * {@code module-info}.
 */
public final class ModuleServicesValidator {
  private final Elements elements;
  private final PluginReader models;
  private final RuleReader ruleReader;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   * @param types type utilities
   */
  public ModuleServicesValidator(Elements elements, Types types) {
    this.elements = elements;
    this.models = new PluginReader(elements, types);
    this.ruleReader = new RuleReader(models);
  }

  /**
   * Checks the {@code provides} lines of the module being compiled.
   *
   * @param module the module being compiled
   * @param plugins canonical names of the plugins of this compilation that passed their checks
   * @param indexClass canonical name of the plugin index generated for it, if one was
   * @return an error for each service the module does not provide completely
   */
  public ValidationReport validate(
      ModuleElement module, Set<String> plugins, Optional<String> indexClass) {
    return validate(module, requiredServices(plugins, indexClass));
  }

  private ValidationReport validate(ModuleElement module, Map<String, List<String>> services) {
    ValidationReport.Builder report = ValidationReport.builder();
    String moduleName = module.getQualifiedName().toString();
    for (Map.Entry<String, List<String>> service : services.entrySet()) {
      Optional<ModuleElement.ProvidesDirective> declared = provides(module, service.getKey());
      String line = line(service.getKey(), service.getValue());
      boolean index = service.getKey().equals(TypeNames.PLUGIN_INDEX);
      if (index && !provides(module, service.getKey(), service.getValue())) {
        // A stale index name does not resolve, so javac drops it from the directive: say
        // "replace", not just "add".
        report.error(
            Message.MODULE_MISSING_INDEX_PROVIDES.format(moduleName, line),
            module);
        continue;
      }
      if (declared.isEmpty()) {
        report.error(
            Message.MODULE_MISSING_PROVIDES.format(moduleName, service.getKey(), line), module);
        continue;
      }
      // Keep what the module already lists (its order too) and add what is missing.
      Set<String> listed = new LinkedHashSet<>();
      for (TypeElement implementation : declared.get().getImplementations()) {
        listed.add(implementation.getQualifiedName().toString());
      }
      List<String> missing = new ArrayList<>(service.getValue());
      missing.removeAll(listed);
      if (!missing.isEmpty()) {
        List<String> complete = new ArrayList<>(listed);
        complete.addAll(missing);
        report.error(
            Message.MODULE_INCOMPLETE_PROVIDES.format(
                moduleName,
                service.getKey(),
                String.join(", ", missing),
                line(service.getKey(), complete)),
            module);
      }
    }
    return report.build();
  }

  /**
   * The services the module must provide: the generated index, and each extension point with
   * the valid plugins ServiceLoader can construct (extension points whose every required
   * constructor takes parameters have none: ServiceLoader calls only no-argument constructors
   * and providers).
   */
  private Map<String, List<String>> requiredServices(
      Set<String> plugins, Optional<String> indexClass) {
    Map<String, Set<String>> services = new TreeMap<>();
    for (String name : plugins) {
      TypeElement plugin = elements.getTypeElement(name);
      if (plugin == null) {
        continue;
      }
      // A public no-argument constructor or a public static provider() method.
      if (models.publicNoArgConstructor(plugin).isEmpty()
          && models.usableProvider(plugin).isEmpty()) {
        continue;
      }
      for (TypeElement extensionPoint : models.extensionPointsOf(plugin)) {
        // Exactly the extension points whose META-INF/services file lists plugins: those whose
        // plugins are created without arguments (no @RequireConstructor, or one without
        // parameters beside typed ones, which makes every plugin declare a public no-argument
        // constructor).
        List<ConstructorRequirement> rules = ruleReader.constructorRules(extensionPoint, false);
        if (rules.isEmpty() || rules.stream().anyMatch(r -> r.parameters().isEmpty())) {
          services.computeIfAbsent(extensionPoint.getQualifiedName().toString(),
              k -> new TreeSet<>()).add(name);
        }
      }
    }
    Map<String, List<String>> result = new TreeMap<>();
    // Whenever an index was generated (even for extension points without plugins here), the
    // module must provide it: Registries.of tells "no index anywhere" apart from "no plugins".
    indexClass.ifPresent(index ->
        result.put(TypeNames.PLUGIN_INDEX, List.of(index)));
    services.forEach((service, implementations) ->
        result.put(service, List.copyOf(implementations)));
    return result;
  }

  private static Optional<ModuleElement.ProvidesDirective> provides(
      ModuleElement module, String service) {
    return ElementFilter.providesIn(module.getDirectives()).stream()
        .filter(p -> p.getService().getQualifiedName().contentEquals(service))
        .findFirst();
  }

  /** True when the module provides {@code service} with every one of {@code implementations}. */
  private static boolean provides(
      ModuleElement module, String service, List<String> implementations) {
    return provides(module, service).map(p -> p.getImplementations().stream()
            .map(t -> t.getQualifiedName().toString()).toList().containsAll(implementations))
        .orElse(false);
  }

  /** The exact module-info line, e.g. {@code provides a.Backend with a.Sqlite, a.Memory;}. */
  static String line(String service, List<String> implementations) {
    return "provides " + service + " with " + String.join(", ", implementations) + ";";
  }
}
