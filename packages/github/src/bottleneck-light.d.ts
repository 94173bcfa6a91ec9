// plugin-throttling uses Bottleneck's light build; it has the same API as the typed full build.
declare module "bottleneck/light.js" {
  import Bottleneck from "bottleneck";
  export default Bottleneck;
}
