namespace ActivationCourse.Activations;

/// <summary>
/// One parameter of an activation, as <see cref="Activation.Settings"/> lists it: the constructor's parameter name
/// (the key of <see cref="ActivationRegistry.Create"/>), the symbol the formula uses, this instance's value, the
/// library's default, and the range the explorer's slider offers (a teaching range inside what the constructor accepts).
/// </summary>
/// <param name="Name">Constructor parameter name, e.g. "negativeSlope"; an element of a list parameter is "slopes[0]".</param>
/// <param name="Symbol">Symbol in <see cref="Activation.Tex"/>, e.g. "a".</param>
/// <param name="Value">This instance's value.</param>
/// <param name="Default">The constructor's default.</param>
/// <param name="SliderMin">Lowest value the slider offers.</param>
/// <param name="SliderMax">Highest value the slider offers.</param>
/// <param name="SliderStep">The slider's step.</param>
public sealed record ActivationSetting(string Name, string Symbol, double Value, double Default, double SliderMin, double SliderMax, double SliderStep);
