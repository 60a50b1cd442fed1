package dk.rm.patientsafety.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NegationScopeTest {

    private final PhraseRules rules = PhraseRules.defaults();

    /** The words of the text that are negated. */
    private List<String> negated(String text) {
        List<Token> tokens = rules.normaliser().tokens(text);
        NegationScope.Negations negations = rules.negation().scan(tokens);
        return IntStream.range(0, tokens.size()).filter(negations::isNegated).mapToObj(i -> tokens.get(i).surface())
                .toList();
    }

    @Test
    void aCueNegatesTheWordsAfterItUntilTheClauseEnds() {
        assertEquals(List.of("infektion"), negated("Ingen tegn på infektion, men pt. faldt."));
        assertEquals(List.of("infektion"), negated("Der var ikke tegn på infektion. Patienten faldt."));
        assertEquals(List.of("tryksår"), negated("Ingen tryksår; huden er hel."));
    }

    @Test
    void menEndsTheScopeLikePunctuation() {
        assertEquals(List.of("feber"), negated("ingen feber men faldt på gulvet"));
    }

    @Test
    void theScopeIsAtMostFourWords() {
        assertEquals(List.of("en", "to", "tre", "fire"), negated("ikke en to tre fire fem seks"));
    }

    @Test
    void trailingCuesNegateTheWordsBeforeThem() {
        assertEquals(List.of("Mistanke", "om", "sepsis"), negated("Mistanke om sepsis afkræftet, men UVI påvist."));
        assertEquals(List.of("MRSA"), negated("Podning: MRSA ikke påvist."));
    }

    @Test
    void pseudoCuesNegateNothing() {
        assertEquals(List.of(), negated("Ikke kun faldet, men også tryksår."));
        assertEquals(List.of(), negated("Infektion kan ikke udelukkes."));
    }

    @Test
    void multiWordCuesWinOverTheirFirstWord() {
        // "ikke tegn på" is one cue: its own words are not in scope, the next four are.
        assertEquals(List.of("infektion", "eller", "tryksår"), negated("ikke tegn på infektion eller tryksår"));
    }

    @Test
    void aCueThatBelongsToAPhraseRuleNegatesNothing() {
        List<Token> tokens = rules.normaliser().tokens("FMK ikke opdateret i journalen");
        boolean[] used = new boolean[tokens.size()];
        used[1] = true;
        used[2] = true;
        NegationScope.Negations negations = rules.negation().scan(tokens, used);
        assertEquals(List.of(), IntStream.range(0, tokens.size()).filter(negations::isNegated).boxed().toList());
    }
}
