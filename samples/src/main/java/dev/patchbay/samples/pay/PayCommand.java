package dev.patchbay.samples.pay;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Takes one payment through the gateway chosen by name. */
@Command(
    name = "pay",
    mixinStandardHelpOptions = true,
    description = {
        "Payment gateways (card, wallet) with exact BigDecimal amounts and clear refusals.",
        "Plugins of PaymentGateway. Exit code 2 for invalid input (zero, negative or over-precise"
            + " amounts, a card number failing the Luhn check); 1 for a declined payment"
            + " (insufficient wallet funds, a declined card)."},
    footer = {"", "Examples:",
        "  pay --gateway card --amount 12.50 --card 4111111111111111",
        "  pay --gateway wallet --amount 12.50 --wallet alice --balance 20"})
public final class PayCommand implements Callable<Integer> {
  /** Exit code of a declined payment: the input was fine, the answer was no. */
  public static final int DECLINED = CliErrors.FAILURE;

  @Spec
  CommandSpec spec;

  @Option(names = "--gateway", paramLabel = "NAME", defaultValue = "card",
      completionCandidates = Gateways.class,
      description = "Gateway: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String gateway;

  @Option(names = "--amount", paramLabel = "AMOUNT", required = true,
      description = "Amount to pay, e.g. 12.50.")
  BigDecimal amount;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "EUR",
      description = "ISO 4217 currency code (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--card", paramLabel = "NUMBER", defaultValue = "4111111111111111",
      description = "Card number for the card gateway (default: the test card ${DEFAULT-VALUE}).")
  String card;

  @Option(names = "--wallet", paramLabel = "OWNER", defaultValue = "alice",
      description = "Wallet owner for the wallet gateway (default: ${DEFAULT-VALUE}).")
  String wallet;

  @Option(names = "--balance", paramLabel = "AMOUNT", defaultValue = "50.00",
      description = "What the wallet holds (default: ${DEFAULT-VALUE}).")
  BigDecimal balance;

  /** Creates the command; picocli sets its options. */
  public PayCommand() {}

  @Override
  public Integer call() {
    PaymentGateway payments = PaymentGatewayRegistry.create(gateway);
    Currency code = currency();
    PaymentSource source = payments.sourceType() == PaymentSource.Wallet.class
        ? new PaymentSource.Wallet(wallet, balance) : new PaymentSource.Card(card);
    PaymentRequest request = new PaymentRequest(amount, code, source);
    try {
      Receipt receipt = payments.process(request);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Paid " + receipt.amount().toPlainString() + " " + code.getCurrencyCode()
          + " with " + receipt.detail() + " (gateway " + receipt.gateway() + ", reference "
          + receipt.reference() + ")");
      out.flush();
      return CliErrors.OK;
    } catch (PaymentDeclinedException e) {
      throw new CommandFailedException(DECLINED, "declined: " + e.getMessage(), e);
    }
  }

  private Currency currency() {
    try {
      return Currency.getInstance(currency.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--currency '" + currency
          + "' is not an ISO 4217 currency code; use one like EUR, USD or JPY");
    }
  }

  /** The registered gateway names, for --help. */
  static final class Gateways implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return PaymentGatewayRegistry.names().iterator();
    }
  }
}
