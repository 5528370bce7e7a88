package dev.patchbay.samples.notify;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.samples.InterimRegistry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Stand-in for the generated registry until the processor lands; delete on merge. */
public final class NotificationServiceRegistry {
  private static final Registry<NotificationService> REGISTRY =
      new InterimRegistry<>(NotificationService.class)
          .add("console", List.of("stdout"), "Prints the notification", 10, ConsoleNotifier.class, ConsoleNotifier::new)
          .add("email", List.of("mail", "smtp"), "E-mail over SMTP", 5, EmailNotifier.class, EmailNotifier::new)
          .add("sms", List.of("text"), "SMS", 5, SmsNotifier.class, SmsNotifier::new);

  private NotificationServiceRegistry() {}

  /** @return the registry view */
  public static Registry<NotificationService> registry() { return REGISTRY; }
  /** @return a new plugin */
  public static NotificationService create(String name) { return REGISTRY.create(name); }
  /** @return a new plugin or empty */
  public static Optional<NotificationService> find(String name) { return REGISTRY.find(name); }
  /** @return names */
  public static SortedSet<String> names() { return REGISTRY.names(); }
  /** @return metadata */
  public static List<PluginInfo> plugins() { return REGISTRY.plugins(); }
  /** @return all plugins */
  public static List<NotificationService> createAll() { return REGISTRY.createAll(); }
}
