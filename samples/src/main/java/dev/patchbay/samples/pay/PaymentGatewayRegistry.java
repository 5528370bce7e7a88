package dev.patchbay.samples.pay;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.samples.InterimRegistry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Stand-in for the generated registry until the processor lands; delete on merge. */
public final class PaymentGatewayRegistry {
  private static final Registry<PaymentGateway> REGISTRY =
      new InterimRegistry<>(PaymentGateway.class)
          .add("card", List.of("credit-card"), "Card payment", 10, CardGateway.class, CardGateway::new)
          .add("wallet", List.of("e-wallet"), "Wallet payment", 5, WalletGateway.class, WalletGateway::new);

  private PaymentGatewayRegistry() {}

  /** @return the registry view */
  public static Registry<PaymentGateway> registry() { return REGISTRY; }
  /** @return a new plugin */
  public static PaymentGateway create(String name) { return REGISTRY.create(name); }
  /** @return a new plugin or empty */
  public static Optional<PaymentGateway> find(String name) { return REGISTRY.find(name); }
  /** @return names */
  public static SortedSet<String> names() { return REGISTRY.names(); }
  /** @return metadata */
  public static List<PluginInfo> plugins() { return REGISTRY.plugins(); }
  /** @return all plugins */
  public static List<PaymentGateway> createAll() { return REGISTRY.createAll(); }
}
