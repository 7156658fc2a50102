package shop;

public final class Cart {
    private int items;

    public void add(int n) {
        items += n;
    }

    public int items() {
        return items;
    }
}
