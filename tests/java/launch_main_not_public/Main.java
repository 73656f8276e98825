// A static main(String[]) that is not public is not found (java looks it up with getMethod).
public class Main {
    static void main(String[] args) {
        System.out.println("never printed");
    }
}
