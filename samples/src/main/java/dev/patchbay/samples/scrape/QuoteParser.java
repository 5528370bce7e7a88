package dev.patchbay.samples.scrape;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Counts the quotes on a page of the quotes site with jsoup: each {@code div.quote} holds a
 * {@code span.text} and a {@code small.author}.
 *
 * <p>jsoup repairs any markup, so "malformed" here means the page no longer has the structure we
 * scrape: a quote without its text or author (a truncated page), or a body that is not HTML.
 */
final class QuoteParser {

  private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

  /** Why a page could not be used although it arrived. */
  static final class MalformedPage extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPage(String message) {
      super(message, null, false, false);
    }
  }

  private QuoteParser() {}

  /** Returns the number of complete quotes on the page. */
  static int countQuotes(byte[] body, String contentType, String baseUri) throws MalformedPage {
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.contains("html")) {
      throw new MalformedPage("not HTML (Content-Type: " + contentType + ")");
    }
    Document document = Jsoup.parse(new String(body, charset(contentType)), baseUri);
    Elements quotes = document.select("div.quote");
    for (int i = 0; i < quotes.size(); i++) {
      Element quote = quotes.get(i);
      String missing = blank(quote.selectFirst("span.text")) ? "text" : blank(quote.selectFirst("small.author")) ? "author" : null;
      if (missing != null) {
        throw new MalformedPage("malformed HTML: quote " + (i + 1) + " of " + quotes.size()
            + " has no " + missing + " (is the page truncated?)");
      }
    }
    return quotes.size();
  }

  private static boolean blank(Element element) {
    return element == null || element.text().isBlank();
  }

  private static Charset charset(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // An unknown charset name is the server's mistake; UTF-8 is the best guess for the text.
      }
    }
    return StandardCharsets.UTF_8;
  }
}
