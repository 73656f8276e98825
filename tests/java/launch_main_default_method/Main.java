// A public instance main(String[]) inherited from an interface (a default method) is found,
// but it is not static: java's message names the interface.
interface Runner {
    default void main(String[] args) {
        System.out.println("never printed");
    }
}

public class Main implements Runner {
}
