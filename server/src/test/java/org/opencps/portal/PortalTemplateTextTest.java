package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A template writes no words of its own: every text a person reads comes from the message files,
 * so that it exists in every language. Text inside an element whose content Thymeleaf replaces
 * ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert}) is only a preview and
 * is allowed; so are scripts, styles and code (commands people type). Attributes a person reads
 * (title, placeholder, alt, aria-label) must be set through {@code th:}.
 */
class PortalTemplateTextTest {

    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Set<String> NOT_PROSE = Set.of("script", "style", "code", "pre", "kbd", "samp");
    private static final List<String> READ_ATTRIBUTES = List.of("title", "placeholder", "alt", "aria-label");
    /** Names that are the same in every language (the product, operating systems). */
    private static final Set<String> NAMES = Set.of("OpenCPS", "Linux", "macOS", "Windows", "iPhone, iPad", "Android", "ChromeOS");

    @Test
    void templatesTakeEveryTextAPersonReadsFromTheMessageFiles() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            String name = PortalMessagesTest.TEMPLATES.relativize(template).toString();
            for (Element element : page.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    if (isWords(text.text()) && !replacedOrNotProse(element)) {
                        literal.add(name + ": \"" + text.text().strip() + "\"");
                    }
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (isWords(element.attr(attribute)) && !element.hasAttr("th:" + attribute) && !element.hasAttr("th:attr")) {
                        literal.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(literal).isEmpty();
    }

    private static boolean isWords(String text) {
        String stripped = text.strip().replaceAll(":$", "");
        return !NAMES.contains(stripped) && WORDS.matcher(stripped).find();
    }

    private static boolean replacedOrNotProse(Element element) {
        // a page's <html th:replace="~{layout :: page(..., ~{::content}, ...)}"> shows its own content in the layout
        for (Element at = element; at != null && !at.tagName().equals("html"); at = at.parent()) {
            if (NOT_PROSE.contains(at.tagName()) || REPLACING.stream().anyMatch(at::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(PortalMessagesTest.TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }
}
