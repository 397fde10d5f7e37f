/** `@salesforce/resourceUrl/WebexSdk` for Jest: the URL shape an org gives a static resource. */
export default '/resource/1700000000000/WebexSdk';
