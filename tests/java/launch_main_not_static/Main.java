// main(String[]) that is not static: java's message, status 1.
public class Main {
    public void main(String[] args) {
        System.out.println("never printed");
    }
}
