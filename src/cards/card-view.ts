/** A card ready to expand: which template in cards/ and the data its `${...}` expressions bind to. */
export interface CardView {
  template: string;
  data: object;
}
