/** Signals that bytes could not be decoded or chars could not be encoded. */
package java.nio.charset;

public class CharacterCodingException extends java.io.IOException {
    public CharacterCodingException() {
    }
}
